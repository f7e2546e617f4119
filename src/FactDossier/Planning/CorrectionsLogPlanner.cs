using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary><c>/corrections-log/</c>: every correction made to any claim, newest first, a page at a time.</summary>
public sealed class CorrectionsLogPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var entries = context.Claims
            .SelectMany(c => c.Corrections.Select(correction => new CorrectionEntryView(correction, new LinkView(c.Headline, c.Url))))
            .OrderByDescending(e => e.Correction.DateIso, StringComparer.Ordinal)
            .ThenBy(e => e.Claim.Url, StringComparer.Ordinal)
            .ToList();
        return PagePlans.Paged(context, "corrections-log", context.Strings["corrections_log_title"], context.Urls.CorrectionsLog, "corrections-log", null,
            entries, context.Dossier.Site.Pagination.Entries, (slice, _) => [("corrections", slice), ("correction_count", entries.Count)], PagePlans.DependsOnAll);
    }
}
