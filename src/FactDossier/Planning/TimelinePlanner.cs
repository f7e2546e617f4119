using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Every dated statement and counter-statement, day by day.</summary>
public sealed class TimelinePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        // A day whose quotes are the last plan's, in the same order, keeps its view (and so its rendered fragment).
        var before = (context.PreviousValue<IReadOnlyList<TimelineDayView>>("timeline", "days") ?? []).ToDictionary(d => d.DateIso, StringComparer.Ordinal);
        var days = context.Claims
            .SelectMany(c => c.Listed.Where(e => e.Quote.SaidOnIso is not null))
            .GroupBy(e => e.Quote.SaidOnIso!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var entries = g.OrderBy(e => e.Quote.Role == "statement" ? 0 : 1).ThenBy(e => e.ClaimUrl, StringComparer.Ordinal).ToList();
                return before.TryGetValue(g.Key, out var old) && old.Entries.SequenceEqual(entries, ReferenceEqualityComparer.Instance)
                    ? old
                    : new TimelineDayView(g.First().Quote.SaidOn!, g.Key, entries);
            })
            .ToList();
        yield return PagePlans.Create(context, "timeline", context.Page(context.Strings["timeline_title"], context.Urls.Timeline, "timeline"),
            ("days", days));
    }
}
