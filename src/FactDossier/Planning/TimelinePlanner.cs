using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Every dated statement and counter-statement, day by day.</summary>
public sealed class TimelinePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var days = context.Claims
            .SelectMany(c => c.CounterStatements.Prepend(c.Statement)
                .Where(q => q.SaidOnIso is not null)
                .Select(q => new TimelineEntryView(q, $"{c.Url}#{q.ElementId}", c.Headline, c.Verdict)))
            .GroupBy(e => e.Quote.SaidOnIso!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimelineDayView(g.First().Quote.SaidOn!, g.Key,
                g.OrderBy(e => e.Quote.Role == "statement" ? 0 : 1).ThenBy(e => e.ClaimUrl, StringComparer.Ordinal).ToList()))
            .ToList();
        yield return PagePlans.Create(context, "timeline", context.Page(context.Strings["timeline_title"], context.Urls.Timeline, "timeline"),
            ("days", days));
    }
}
