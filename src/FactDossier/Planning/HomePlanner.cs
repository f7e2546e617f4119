using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// The dossier's front page: articles, summary, rating scale, the search box, and the claims as cards in reading order,
/// a page of them at a time (<c>/page/2/</c>…).
/// </summary>
public sealed class HomePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var ratings = Facets.Ratings(context);
        var speakers = Facets.Speakers(context);
        var tags = Facets.Tags(context);
        var articles = context.Dossier.Articles.Select(context.ArticleRef).ToList();
        var claims = context.ClaimsInReadingOrder;
        var site = context.Dossier.Site;
        return PagePlans.Paged(context, "home", site.Title, context.Urls.Home, "home", site.Summary, claims, site.Pagination.Claims,
            slice => [("articles", articles), ("claims", slice), ("claim_count", claims.Count), ("ratings", ratings), ("speakers", speakers), ("tags", tags)],
            shows: null, listTitle: context.Strings["claims_heading"]);
    }
}
