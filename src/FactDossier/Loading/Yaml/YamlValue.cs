using System.Collections.Immutable;
using FactDossier.Diagnostics;

namespace FactDossier.Loading.Yaml;

/// <summary>A YAML node with the position an editor wrote it at. Our own small tree, so every value keeps its span.</summary>
public abstract record YamlValue(SourceSpan Span)
{
    public abstract string KindName { get; }
}

public sealed record YamlScalar(string Text, bool IsPlain, SourceSpan Span) : YamlValue(Span)
{
    /// <summary>Plain <c>~</c>, <c>null</c> or nothing at all: YAML's null, which editors write as an empty field.</summary>
    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "nothing" : "text";
}

public sealed record YamlSequence(ImmutableArray<YamlValue> Items, SourceSpan Span) : YamlValue(Span)
{
    public override string KindName => "a list";
}

public sealed record YamlEntry(YamlScalar Key, YamlValue Value);

public sealed record YamlMapping(ImmutableArray<YamlEntry> Entries, SourceSpan Span) : YamlValue(Span)
{
    public override string KindName => "a set of fields";
}
