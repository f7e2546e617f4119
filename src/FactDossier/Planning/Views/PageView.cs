namespace FactDossier.Planning.Views;

/// <summary>The page being rendered: its title, its own URL and its canonical absolute URL when the site has a base URL.</summary>
public sealed record PageView(string Title, string Url, string? CanonicalUrl, string? Description, string Kind)
{
    /// <summary>For a page of a list cut into pages: where it stands among them.</summary>
    public PagerView? Pager { get; init; }

    /// <summary>For a page that only sends the reader on (a list's <c>page/</c> folder): where to.</summary>
    public string? RedirectUrl { get; init; }
}
