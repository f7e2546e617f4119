using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>One page per claim, with its ClaimReview JSON-LD unless it is still a draft (it has TODOs).</summary>
public sealed class ClaimPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        foreach (var claim in context.Claims)
        {
            var jsonLd = claim.IsDraft ? null : JsonLd.Serialize(ClaimReviewBuilder.Build(context, claim));
            yield return PagePlans.Create(context, "claim", context.Page(claim.Headline, claim.Url, "claim", claim.Verdict.Summary),
                ("claim", claim), ("json_ld_html", jsonLd));
        }
    }
}
