using System.Globalization;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Every dated statement and counter-statement, day by day: one page while they fit on one, else an index of months
/// and each month a page of them at a time (<c>/timeline/2022-03/</c>, <c>/timeline/2022-03/page/2/</c>).
/// </summary>
public sealed class TimelinePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var days = Days(context);
        var t = context.Strings;
        var pageSize = context.Dossier.Site.Pagination.Quotes;
        var index = context.Page(t["timeline_title"], context.Urls.Timeline, "timeline", t["timeline_intro"]);
        if (days.Sum(d => d.Entries.Count) <= pageSize)
        {
            return [PagePlans.Create(context, "timeline", index, ("days", days), ("all_days", days),
                ("chart", TimelineChart.Of(context, days, d => $"{context.Urls.Timeline}#d-{d.DateIso}")))];
        }

        var months = days.GroupBy(d => d.DateIso[..7], StringComparer.Ordinal).ToList();
        var monthViews = months.Select(m => new TimelineMonthView(m.Key,
            t.FormatMonth(int.Parse(m.Key[..4], CultureInfo.InvariantCulture), int.Parse(m.Key[5..], CultureInfo.InvariantCulture)),
            context.Urls.TimelineMonth(m.Key), m.Sum(d => d.Entries.Count))).ToList();
        var first = PagePlans.Create(context, "timeline", index, ("months", monthViews), ("all_days", days),
            ("chart", TimelineChart.Of(context, days, d => context.Urls.TimelineMonth(d.DateIso[..7]))));
        return months.Zip(monthViews).SelectMany(m => MonthPages(context, m.First, m.Second, monthViews)).Prepend(first);
    }

    /// <summary>Each day's statements and counter-statements: a day none of whose quotes changed keeps its view (and so its rendered fragment).</summary>
    private static List<TimelineDayView> Days(PlanningContext context)
    {
        var before = (context.Reuse?.Value<IReadOnlyList<TimelineDayView>>("timeline", "all_days") ?? []).ToDictionary(d => d.DateIso, StringComparer.Ordinal);
        var quotes = context.QuotesByDay;
        return quotes.Keys
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
    }

    /// <summary>
    /// A month's pages, which show its entries' claims and every month's count (the months' list): a month none of
    /// whose days changed, in a timeline whose months' counts did not change, keeps its pages.
    /// </summary>
    private static IEnumerable<PagePlan> MonthPages(PlanningContext context, IGrouping<string, TimelineDayView> month, TimelineMonthView view,
        IReadOnlyList<TimelineMonthView> monthViews)
    {
        var quotes = context.QuotesByDay;
        var sameMonths = context.Reuse?.Value<IReadOnlyList<TimelineMonthView>>("timeline", "months")?.SequenceEqual(monthViews) == true;
        if (context.Reuse?.Group(context.Urls.Timeline, month.Key, touched: !sameMonths || month.Any(d => quotes.IsChanged(d.DateIso))) is { } kept)
        {
            return kept;
        }

        var counts = string.Join(' ', monthViews.Select(m => $"{m.Key}={m.EntryCount}"));
        var entries = month.SelectMany(d => d.Entries.Select(e => (Day: d, Entry: e))).ToList();
        return PagePlans.Paged(context, "timeline-month", $"{context.Strings["timeline_title"]}: {view.Label}", view.Url, "timeline", null, entries,
            context.Dossier.Site.Pagination.Quotes,
            (slice, _) => [("month", view), ("months", monthViews), ("days", Days(slice))],
            (slice, page) => PagePlans.Showing(slice, page, entries.Count, e => (e.Day.DateIso, e.Entry.ClaimUrl), e => [e.Entry.ClaimId], counts),
            isKept: sameMonths ? (a, b) => a.Day.DateIso == b.Day.DateIso && !quotes.IsChanged(b.Day.DateIso) && Equals(a.Entry, b.Entry) : null);
    }

    /// <summary>A page's entries as days: a day whole on the page is its day's view (rendered once), a day cut by the page break a part of it.</summary>
    private static List<TimelineDayView> Days(IReadOnlyList<(TimelineDayView Day, ListedQuoteView Entry)> slice) =>
        slice.GroupBy(x => x.Day.DateIso, StringComparer.Ordinal)
            .Select(g =>
            {
                var day = g.First().Day;
                return g.Count() == day.Entries.Count ? day : day with { Entries = g.Select(x => x.Entry).ToList() };
            })
            .ToList();
}
