using FactDossier.Anchoring;
using FactDossier.Caching;
using FactDossier.Model;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>The Plan stage: the anchored dossier becomes the list of pages and files to write.</summary>
public static class SitePlanner
{
    public static IReadOnlyList<IPagePlanner> Planners { get; } =
    [
        new HomePlanner(),
        new ClaimIndexPlanner(),
        new ClaimPlanner(),
        new ArticleIndexPlanner(),
        new ArticlePlanner(),
        new VerdictPlanner(),
        new PeoplePlanner(),
        new TagPlanner(),
        new SourcesPlanner(),
        new TimelinePlanner(),
        new CorrectionsLogPlanner(),
        new MarkdownPagePlanner(),
    ];

    /// <param name="delta">What changed since the last build.</param>
    /// <param name="previous">The last build's plan, when only claims changed: the pages of unchanged claims are kept.</param>
    /// <param name="markdown">What Markdown texts rendered to in an earlier run with the same base path.</param>
    public static SitePlan Plan(AnchoredDossier anchored, UiStrings strings, SiteUrls urls, Delta? delta = null, SitePlan? previous = null, Memo<string>? markdown = null)
    {
        var context = new PlanningContext(anchored, strings, urls, new MarkdownRenderer(urls.BasePath, markdown), delta, previous);
        var planned = new List<PagePlan>[Planners.Count];
        IReadOnlyList<DataFile> fromClaims = [];
        // Planners only read the context: they run side by side, and with the files made from the claims.
        Parallel.Invoke(
            () => Parallel.For(0, planned.Length, i => planned[i] = [.. Planners[i].Plan(context)]),
            () => fromClaims = DataFilePlanner.FromClaims(context));
        var pages = planned.SelectMany(p => p).ToList();
        return new SitePlan(context.Site, pages, [.. fromClaims, .. DataFilePlanner.FromPages(context, pages)], context.Claims, strings.All) { Context = context.ForNextPlan(pages), ShareCards = ShareCardPlanner.Plan(context) };
    }
}
