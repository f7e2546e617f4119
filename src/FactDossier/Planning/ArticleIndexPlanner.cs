using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary><c>/articles/</c>: each article under review, with its claims counted by verdict.</summary>
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
        yield return PagePlans.Create(context, "articles", context.Page(context.Strings["articles_title"], context.Urls.Articles, "articles"),
            ("articles", entries));
    }
}
