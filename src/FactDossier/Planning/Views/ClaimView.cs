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
    bool IsDraft);

public sealed record TagView(string Key, string Url, int Count);

public sealed record CorrectionView(string Date, string DateIso, string What);
