namespace FactDossier.Planning.Views;

public sealed record PersonView(
    PersonRef Person,
    string? NameInArticle,
    string Kind,
    string? Organisation,
    string? WikidataUrl,
    string? Note,
    IReadOnlyList<ListedQuoteView> Quotes);
