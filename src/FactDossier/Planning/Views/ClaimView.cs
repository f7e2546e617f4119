namespace FactDossier.Planning.Views;

public sealed record ClaimView(
    string Id,
    string Url,
    string Headline,
    ArticleRef Article,
    QuoteView Statement,
    IReadOnlyList<QuoteView> CounterStatements,
    QuoteView? Strongest,
    VerdictView Verdict,
    IReadOnlyList<SourceView> Sources,
    IReadOnlyList<TagView> Tags,
    IReadOnlyList<CorrectionView> Corrections,
    string? EditUrl,
    string? PermalinkUrl,
    string SearchText,
    bool IsDraft)
{
    /// <summary>The statement, then each counter-statement, as the timeline and the speakers' pages list them.</summary>
    public IReadOnlyList<ListedQuoteView> Listed { get; init; } = [];
}

public sealed record TagView(string Key, string Url, int Count);

public sealed record CorrectionView(string Date, string DateIso, string What);
