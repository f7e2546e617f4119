using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>One page per claim, with its ClaimReview JSON-LD unless it is still a draft (it has TODOs).</summary>
public sealed class ClaimPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        // A claim whose view the last plan had keeps its page (and ClaimReview): after an edit only the edited one is made.
        var pages = context.Claims.Select(claim => context.Reuse?.Page(claim.Url, "claim", claim.Id)).ToArray();
        Parallel.ForEach(Enumerable.Range(0, pages.Length).Where(i => pages[i] is null).ToList(), i =>
        {
            var claim = context.Claims[i];
            var jsonLd = claim.IsDraft ? null : JsonLd.Write(w => ClaimReviewBuilder.Write(w, context, claim));
            pages[i] = PagePlans.Create(context, "claim", context.SharedAs(context.Page(claim.Headline, claim.Url, "claim", claim.Verdict.Summary), claim),
                ("claim", claim), ("json_ld_html", jsonLd)) with { Shows = new HashSet<string>(StringComparer.Ordinal) { claim.Id } };
        });
        return pages!;
    }
}
