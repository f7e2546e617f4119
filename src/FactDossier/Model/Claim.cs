using MemoryPack;
using System.Collections.Immutable;
using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>One fact-check (<see cref="Headline"/> is the short claim, as ClaimReview's claimReviewed): a statement, what stands against it, the verdict and the sources. One file in <c>input/claims/</c>.</summary>
[MemoryPackable]
public sealed partial record Claim(
    string Id,
    string Path,
    Located<string> Article,
    string Headline,
    Statement Statement,
    ImmutableArray<CounterStatement> CounterStatements,
    Verdict Verdict,
    ImmutableArray<Located<string>> Sources,
    ImmutableArray<string> Tags,
    ImmutableArray<Correction> Corrections,
    bool IsDraft,
    SourceSpan Span)
{
    /// <summary>When this fact-check was published (ClaimReview's datePublished); null in a draft.</summary>
    public Located<DateOnly>? PublishedOn { get; init; }
}
