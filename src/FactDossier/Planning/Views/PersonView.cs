namespace FactDossier.Planning.Views;

public sealed record PersonView(
    PersonRef Person,
    string? NameInArticle,
    string Kind,
    string? Organisation,
    string? WikidataUrl,
    string? Note,
    IReadOnlyList<ListedQuoteView> Quotes)
{
    /// <summary>For the index: a list's <c>.size</c> in a template wraps every item first.</summary>
    public int QuoteCount => Quotes.Count;

    /// <summary>Their statements that claims check, by verdict: for someone with two or more of them.</summary>
    public VerdictChartView? Scorecard { get; init; }
}
