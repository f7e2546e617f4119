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
    IReadOnlyList<string> SearchTerms,
    bool IsDraft)
{
    /// <summary>The statement and its dated replies on a day axis; null when fewer than two of them have a date.</summary>
    public ReplyChartView? Replies { get; init; }

    /// <summary>
    /// The counter-statements grouped by relation (contradicts, qualifies, supports; empty groups left out), for the
    /// claim page's column, and that column's heading, which names what it holds.
    /// </summary>
    public IReadOnlyList<CounterGroupView> CounterGroups { get; init; } = [];

    public string CounterHeading { get; init; } = "";

    /// <summary>When the fact-check was published, as readers read it and as ISO 8601; null in a draft.</summary>
    public string? PublishedOn { get; init; }

    public string? PublishedOnIso { get; init; }

    /// <summary>The statement, then each counter-statement, as the timeline and the speakers' pages list them.</summary>
    public IReadOnlyList<ListedQuoteView> Listed { get; init; } = [];
}

public sealed record TagView(string Key, string Url, int Count);

/// <summary>The counter-statements of one relation to the statement, as the claim page groups them.</summary>
public sealed record CounterGroupView(string Relation, string Label, IReadOnlyList<QuoteView> Items);

public sealed record CorrectionView(string Date, string DateIso, string What);

/// <summary>A correction in the corrections log, with the claim it corrected.</summary>
public sealed record CorrectionEntryView(CorrectionView Correction, LinkView Claim);
