using FactDossier.Anchoring;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>The Plan stage: the anchored dossier becomes the list of pages and files to write.</summary>
public static class SitePlanner
{
    public static IReadOnlyList<IPagePlanner> Planners { get; } =
    [
        new HomePlanner(),
        new ClaimPlanner(),
        new ArticlePlanner(),
        new PeoplePlanner(),
        new TagPlanner(),
        new SourcesPlanner(),
        new TimelinePlanner(),
        new MarkdownPagePlanner(),
    ];

    public static SitePlan Plan(AnchoredDossier anchored, UiStrings strings, SiteUrls urls, SitePlan? previous = null)
    {
        var context = new PlanningContext(anchored, strings, urls, new MarkdownRenderer(urls.BasePath), previous?.Context);
        var pages = Planners.SelectMany(p => p.Plan(context)).ToList();
        return new SitePlan(context.Site, pages, DataFilePlanner.Plan(context, pages), context.Claims, strings.All) { Context = context };
    }
}
