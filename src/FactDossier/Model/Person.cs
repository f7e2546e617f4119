using MemoryPack;
using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>Someone quoted: a person or a body that speaks as one (a ministry, a delegation).</summary>
[MemoryPackable]
public sealed partial record Person(
    string Id,
    string Name,
    string? NameInArticle,
    PersonKind Kind,
    string? Role,
    string? Organisation,
    string? Wikidata,
    string? Note,
    SourceSpan Span);

public enum PersonKind
{
    Person,
    Organisation,
}
