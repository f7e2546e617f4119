using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>One page per claim, with its ClaimReview JSON-LD unless it is still a draft (it has TODOs).</summary>
public sealed class ClaimPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var pages = new PagePlan[context.Claims.Count];
        var made = new List<int>();
        for (var i = 0; i < pages.Length; i++)
        {
            // A claim whose view the last plan had keeps its page (and ClaimReview): after an edit only the edited one is made.
            var claim = context.Claims[i];
            if (context.Reuse?.Page(claim.Url, "claim", claim.Id) is { } page)
            {
                pages[i] = page;
            }
            else
            {
                made.Add(i);
            }
        }

        Parallel.ForEach(made, i =>
        {
            var claim = context.Claims[i];
            var jsonLd = claim.IsDraft ? null : JsonLd.Write(w => ClaimReviewBuilder.Write(w, context, claim));
            pages[i] = PagePlans.Create(context, "claim", context.SharedAs(context.Page(claim.Headline, claim.Url, "claim", claim.Verdict.Summary), claim),
                ("claim", claim), ("json_ld_html", jsonLd)) with { Shows = new HashSet<string>(StringComparer.Ordinal) { claim.Id } };
        });
        return pages;
    }
}
