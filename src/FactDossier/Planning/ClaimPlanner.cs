using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>One page per claim, with its ClaimReview JSON-LD unless it is still a draft (it has TODOs).</summary>
public sealed class ClaimPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var pages = new PagePlan[context.Claims.Count];
        // A claim whose view the last plan had keeps its page (and ClaimReview): after an edit only the edited one is made.
        var kept = context.PreviousPages<ClaimView>("claim")
            .ToDictionary<(ClaimView View, PagePlan Page), ClaimView, PagePlan>(k => k.View, k => k.Page, ReferenceEqualityComparer.Instance);
        Parallel.For(0, pages.Length, i =>
        {
            var claim = context.Claims[i];
            if (kept.TryGetValue(claim, out var page))
            {
                pages[i] = page;
                return;
            }

            var jsonLd = claim.IsDraft ? null : JsonLd.Write(w => ClaimReviewBuilder.Write(w, context, claim));
            pages[i] = PagePlans.Create(context, "claim", context.SharedAs(context.Page(claim.Headline, claim.Url, "claim", claim.Verdict.Summary), claim),
                ("claim", claim), ("json_ld_html", jsonLd)) with { Shows = new HashSet<string>(StringComparer.Ordinal) { claim.Id } };
        });
        return pages;
    }
}
