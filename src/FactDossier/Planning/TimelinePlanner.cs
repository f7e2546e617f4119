using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Every dated statement and counter-statement, day by day.</summary>
public sealed class TimelinePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        // A day none of whose quotes changed keeps its view (and so its rendered fragment).
        var before = (context.PreviousValue<IReadOnlyList<TimelineDayView>>("timeline", "days") ?? []).ToDictionary(d => d.DateIso, StringComparer.Ordinal);
        var quotes = context.QuotesByDay;
        var days = quotes.Keys
            .Order(StringComparer.Ordinal)
            .Select(day =>
            {
                if (!quotes.IsChanged(day) && before.TryGetValue(day, out var kept))
                {
                    return kept;
                }

                var entries = quotes[day].Select(m => m.Item).OrderBy(e => e.Quote.Role == "statement" ? 0 : 1).ThenBy(e => e.ClaimUrl, StringComparer.Ordinal).ToList();
                return new TimelineDayView(entries[0].Quote.SaidOn!, day, entries);
            })
            .ToList();
        yield return PagePlans.Create(context, "timeline", context.Page(context.Strings["timeline_title"], context.Urls.Timeline, "timeline"),
            ("days", days));
    }
}
