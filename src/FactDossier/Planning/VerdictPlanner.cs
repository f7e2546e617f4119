namespace FactDossier.Planning;

/// <summary>Claims by verdict: <c>/verdicts/</c>, the scale with its counts, and a page of claims per rating.</summary>
public sealed class VerdictPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var ratings = Facets.Ratings(context);
        var claimsByRating = context.ClaimsInReadingOrder.ToLookup(c => c.Verdict.Rating, StringComparer.Ordinal);
        return ratings.SelectMany(rating =>
        {
            var claims = claimsByRating[rating.Key].ToList();
            return PagePlans.PagedClaims(context, "verdict", $"{t["verdict_title"]} {rating.Label}", rating.Url, "verdict", rating.Description, claims,
                (slice, _) => [("rating", rating), ("claims", slice), ("claim_count", claims.Count)], pageSize: context.Dossier.Site.Pagination.Rows);
        }).Prepend(PagePlans.Create(context, "verdicts", context.Page(t["verdicts_title"], context.Urls.Verdicts, "verdicts"), ("ratings", ratings)));
    }
}
