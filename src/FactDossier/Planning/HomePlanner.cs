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
            ("articles", articles), ("claims", context.ClaimsInReadingOrder), ("claim_count", context.ClaimsInReadingOrder.Count), ("ratings", ratings), ("speakers", speakers), ("tags", tags));
    }
}
