namespace FactDossier.Planning;

/// <summary>
/// Every URL of the site, in one place. Pages live at pretty paths (<c>claims/id/</c> → <c>claims/id/index.html</c>)
/// and links are absolute paths under the base path, so the site works at a domain's root or in a sub-folder.
/// </summary>
public sealed class SiteUrls
{
    public SiteUrls(string? basePath)
    {
        var trimmed = (basePath ?? "/").Trim().Trim('/');
        BasePath = trimmed.Length == 0 ? "/" : $"/{trimmed}/";
    }

    /// <summary>Always starts and ends with '/'.</summary>
    public string BasePath { get; }

    public string Home => BasePath;

    public string Claim(string id) => $"{BasePath}claims/{id}/";

    public string Article(string id) => $"{BasePath}articles/{id}/";

    public string Person(string id) => $"{BasePath}people/{id}/";

    public string People => $"{BasePath}people/";

    public string Tag(string tag) => $"{BasePath}tags/{tag}/";

    public string Tags => $"{BasePath}tags/";

    public string Sources => $"{BasePath}sources/";

    public string Source(string id) => $"{BasePath}sources/{id}/";

    public string Timeline => $"{BasePath}timeline/";

    /// <summary>A month of the timeline, <c>yyyy-MM</c>.</summary>
    public string TimelineMonth(string month) => $"{BasePath}timeline/{month}/";

    public string Claims => $"{BasePath}claims/";

    public string Articles => $"{BasePath}articles/";

    public string Verdicts => $"{BasePath}verdicts/";

    public string Verdict(string key) => $"{BasePath}verdicts/{key}/";

    public string CorrectionsLog => $"{BasePath}corrections-log/";

    public string Page(string slug) => $"{BasePath}{slug}/";

    public string Asset(string name) => $"{BasePath}assets/{name}";

    public string File(string name) => $"{BasePath}{name}";

    /// <summary>The output file behind a URL of this site: <c>/sub/claims/x/</c> → <c>claims/x/index.html</c>.</summary>
    public string OutputPathOf(string url)
    {
        var path = url.StartsWith(BasePath, StringComparison.Ordinal) ? url[BasePath.Length..] : url.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
