using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Everything the site will contain, before any HTML exists: pages to render and data files to write, and the claims,
/// whose cards are rendered once and shown on every page that lists them.
/// </summary>
public sealed record SitePlan(SiteView Site, IReadOnlyList<PagePlan> Pages, IReadOnlyList<DataFile> Files, IReadOnlyList<ClaimView> Claims, IReadOnlyDictionary<string, string> Strings);

/// <summary>One page: where it goes, which template renders it, and every value the template may read.</summary>
public sealed record PagePlan(string OutputPath, string Template, PageView Page, IReadOnlyDictionary<string, object?> Values);

/// <summary>A machine-readable file (feed, sitemap, JSON) whose content is already final.</summary>
public sealed record DataFile(string OutputPath, string Content);
