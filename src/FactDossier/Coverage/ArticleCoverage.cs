using FactDossier.Diagnostics;

namespace FactDossier.Coverage;

/// <summary>
/// How much of what an article quotes or reports the dossier covers: of its <see cref="Passages"/> (quotations and
/// sentences of reported speech), how many a claim's quote anchors in, how many its <c>not_checked</c> leaves out,
/// and the rest (<see cref="Left"/>), listed by <c>check --coverage</c>.
/// </summary>
[MemoryPack.MemoryPackable]
public sealed partial record ArticleCoverage(string ArticleId, int Passages, int Covered, int NotChecked)
{
    public int Uncovered => Passages - Covered - NotChecked;

    /// <summary>The passages no claim covers and none is left out on purpose; empty in a build's record, which keeps the counts only.</summary>
    [MemoryPack.MemoryPackIgnore]
    public IReadOnlyList<UncoveredPassage> Left { get; init; } = [];
}

public enum PassageKind
{
    Quotation,
    ReportedSpeech,
}

/// <summary>
/// A passage no claim covers: its words as the article prints them, where they start in the seed file, and, when the
/// same words are printed more than once, which appearance this is (so that <c>new claim</c> can be told).
/// </summary>
/// <param name="ArticleFile">The article's YAML, where <c>not_checked</c> would leave it out.</param>
public sealed record UncoveredPassage(string ArticleId, string ArticleFile, PassageKind Kind, string Words, SourceSpan Span, int? Occurrence);
