namespace FactDossier.Planning;

/// <summary><c>/claims/</c>: every claim, in reading order, a page at a time, so that the folder of the claims' pages is a page too.</summary>
public sealed class ClaimIndexPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var claims = context.ClaimsInReadingOrder;
        return PagePlans.PagedClaims(context, "claims", context.Strings["claims_index_title"], context.Urls.Claims, "claims", null, claims,
            (slice, _) => [("claims", slice), ("claim_count", claims.Count)], pageSize: context.Dossier.Site.Pagination.Rows);
    }
}
