using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary><c>/articles/</c>: each article under review, newest first, with its claims counted by verdict, a page at a time.</summary>
public sealed class ArticleIndexPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var ratings = Facets.Ratings(context);
        var claimsByArticle = context.Claims.ToLookup(c => c.Article.Id, StringComparer.Ordinal);
        var entries = context.Dossier.Articles
            .OrderByDescending(a => a.Date)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(article =>
            {
                var claims = claimsByArticle[article.Id].ToList();
                var byRating = claims.CountBy(c => c.Verdict.Rating, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
                var counts = ratings.Where(r => byRating.ContainsKey(r.Key)).Select(r => r with { ClaimCount = byRating[r.Key] }).ToList();
                return new ArticleEntryView(context.ArticleRef(article), claims.Count, counts);
            })
            .ToList();
        return PagePlans.Paged(context, "articles", context.Strings["articles_title"], context.Urls.Articles, "articles", null, entries,
            context.Dossier.Site.Pagination.Entries, (slice, _) => [("articles", slice)], PagePlans.DependsOnAll);
    }
}
