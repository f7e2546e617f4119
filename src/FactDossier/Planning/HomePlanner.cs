using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// The dossier's front page: articles, summary, rating scale, the search box, and the claims as cards in reading order,
/// a page of them at a time (<c>/page/2/</c>…).
/// </summary>
public sealed class HomePlanner : IPagePlanner
{
    private const int MaxArticles = 10;

    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var ratings = Facets.Ratings(context);
        var answers = AnswersChart.Of(context);
        var chart = VerdictCharts.Of(context, "verdicts-chart", context.Strings["chart_verdicts_label"]
            .Replace("{count}", context.Claims.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), context.Tally.Ratings);
        var speakers = Facets.Speakers(context);
        var tags = Facets.Tags(context);
        // The newest articles first, a few of them: the articles index has them all.
        var all = context.Dossier.Articles;
        var articles = all.OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).Take(MaxArticles).Select(context.ArticleRef).ToList();
        var claims = context.ClaimsInReadingOrder;
        var site = context.Dossier.Site;
        return PagePlans.PagedClaims(context, "home", site.Title, context.Urls.Home, "home", site.Summary, claims,
            (slice, pager) => pager.Number == 1
                ? [("articles", articles), ("article_count", all.Length), ("claims", slice), ("claim_count", claims.Count), ("ratings", ratings), ("verdict_chart", chart), ("answers_chart", answers), ("speakers", speakers), ("tags", tags)]
                : [("claims", slice), ("claim_count", claims.Count)],
            listTitle: context.Strings["claims_heading"], firstShowsAll: true);
    }
}
