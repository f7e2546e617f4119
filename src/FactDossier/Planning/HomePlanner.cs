using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>The dossier's front page: articles, summary, rating legend, and every claim as a card.</summary>
public sealed class HomePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var ratings = context.Dossier.Site.RatingScale.Ratings
            .OrderByDescending(r => r.Value)
            .Select(r => new RatingView(r.Key, r.Label, r.Value, r.Description, context.Claims.Count(c => c.Verdict.Rating == r.Key)))
            .ToList();
        var speakers = context.Claims.Select(c => c.Statement.Speaker).OfType<PersonRef>()
            .DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var tags = context.TagCounts.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new TagView(t.Key, context.Urls.Tag(t.Key), t.Value)).ToList();
        var articles = context.Dossier.Articles.Select(context.ArticleRef).ToList();

        yield return PagePlans.Create(context, "home", context.Page(context.Dossier.Site.Title, context.Urls.Home, "home", context.Dossier.Site.Summary),
            ("articles", articles), ("claims", OrderForReading(context)), ("ratings", ratings), ("speakers", speakers), ("tags", tags));
    }

    /// <summary>Claims in the order the article tells them: by the position of their statement, unanchored ones last.</summary>
    internal static IReadOnlyList<ClaimView> OrderForReading(PlanningContext context) =>
        context.Claims
            .OrderBy(c => context.Anchored.AnchorOf(c.Id, 0) is null ? 1 : 0)
            .ThenBy(c => context.Anchored.AnchorOf(c.Id, 0)?.ArticleId ?? "", StringComparer.Ordinal)
            .ThenBy(c => context.Anchored.AnchorOf(c.Id, 0)?.Start ?? 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
}
