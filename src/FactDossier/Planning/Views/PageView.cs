namespace FactDossier.Planning.Views;

/// <summary>The page being rendered: its title, its own URL and its canonical absolute URL when the site has a base URL.</summary>
public sealed record PageView(string Title, string Url, string? CanonicalUrl, string? Description, string Kind)
{
    /// <summary>For a page of a list cut into pages: where it stands among them.</summary>
    public PagerView? Pager { get; init; }

    /// <summary>For a page that only sends the reader on (a list's <c>page/</c> folder): where to.</summary>
    public string? RedirectUrl { get; init; }

    /// <summary>The absolute URL of the page's share image (og:image), and what it shows in words; null without a base URL.</summary>
    public string? ShareImageUrl { get; init; }

    public string? ShareImageAlt { get; init; }

    /// <summary>Open Graph's type: a claim's or an article's page is an article, every other page the website.</summary>
    public string OgType => Kind is "claim" or "article" ? "article" : "website";
}
