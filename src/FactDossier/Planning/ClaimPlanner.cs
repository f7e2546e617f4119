using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>One page per claim, with its ClaimReview JSON-LD.</summary>
public sealed class ClaimPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        foreach (var claim in context.Claims)
        {
            var jsonLd = JsonLd.Serialize(ClaimReviewBuilder.Build(context, claim));
            yield return PagePlans.Create(context, "claim", context.Page(claim.Headline, claim.Url, "claim", claim.Verdict.Summary),
                ("claim", claim), ("json_ld_html", jsonLd));
        }
    }
}
