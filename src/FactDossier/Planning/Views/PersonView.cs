namespace FactDossier.Planning.Views;

public sealed record PersonView(
    PersonRef Person,
    string? NameInArticle,
    string Kind,
    string? Organisation,
    string? WikidataUrl,
    string? Note,
    IReadOnlyList<PersonQuoteView> Quotes);

/// <summary>One thing a person said, in a claim: as its statement or as a counter-statement.</summary>
public sealed record PersonQuoteView(QuoteView Quote, string ClaimUrl, string ClaimHeadline, VerdictView Verdict);
