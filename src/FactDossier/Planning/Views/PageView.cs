namespace FactDossier.Planning.Views;

/// <summary>The page being rendered: its title, its own URL and its canonical absolute URL when the site has a base URL.</summary>
public sealed record PageView(string Title, string Url, string? CanonicalUrl, string? Description, string Kind);
