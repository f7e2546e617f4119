namespace FactDossier.Planning.Views;

/// <summary>What every page's layout needs: the dossier's name, navigation and assets.</summary>
public sealed record SiteView(
    string Title,
    string? Summary,
    string Language,
    string PublisherName,
    string? PublisherUrl,
    string HomeUrl,
    string CssUrl,
    string IconUrl,
    string ScriptUrl,
    string FeedUrl,
    IReadOnlyList<LinkView> Navigation);

public sealed record LinkView(string Label, string Url);
