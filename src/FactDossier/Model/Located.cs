using MemoryPack;
using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>A value an editor wrote, with where they wrote it, for checks that run after loading.</summary>
[MemoryPackable]
public sealed partial record Located<T>(T Value, SourceSpan Span)
{
    public override string ToString() => Value?.ToString() ?? "";
}
