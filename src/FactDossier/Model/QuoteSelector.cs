using MemoryPack;
namespace FactDossier.Model;

/// <summary>
/// A W3C TextQuoteSelector: the exact words, and optionally the text just before or after them (or which
/// occurrence, counting from 1) when the words appear more than once.
/// </summary>
[MemoryPackable]
public sealed partial record QuoteSelector(Located<string> Exact, string? Prefix, string? Suffix, int? Occurrence)
{
    /// <summary>
    /// Where these words first appeared (a post, a video, a transcript), not where they were reported: an absolute
    /// http(s) address, escaped as the page's link and ClaimReview give it.
    /// </summary>
    public string? FirstAppearance { get; init; }
}
