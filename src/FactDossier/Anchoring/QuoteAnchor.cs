using MemoryPack;
using FactDossier.Model;

namespace FactDossier.Anchoring;

/// <summary>
/// A quote located in an article: raw offsets <c>[Start, End)</c> into the seed text, so the highlight lands on the
/// article's own characters. <see cref="CounterIndex"/> is 0 for the claim's statement, else the counter-statement's number.
/// </summary>
[MemoryPackable]
public sealed partial record QuoteAnchor([property: Caching.PooledString] string ClaimId, int CounterIndex, Relation? Relation, [property: Caching.PooledString] string ArticleId,
    int Start, int End, int Paragraph)
{
    public bool IsStatement => CounterIndex == 0;

    /// <summary>The id of the highlight in the annotated article, also the target of "see it in the article" links.</summary>
    [MemoryPackIgnore]
    public string ElementId { get; } = CounterIndex == 0 ? $"q-{ClaimId}" : $"q-{ClaimId}--{CounterIndex}"; // ids never hold "--", so no clash
}
