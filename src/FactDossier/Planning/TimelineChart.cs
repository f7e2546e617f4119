using System.Globalization;
using FactDossier.Charts;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>The timeline's chart: every checked statement on its day, by verdict, from the first day to the last.</summary>
internal static class TimelineChart
{
    private const int MinDayWidth = 16;
    private const int MinWidth = 320;
    private const int Height = 160;
    private const int Baseline = 130;
    private const int Plot = 110;

    /// <param name="dayUrl">Where a day's statements are listed.</param>
    public static TimelineChartView? Of(PlanningContext context, IReadOnlyList<TimelineDayView> days, Func<TimelineDayView, string> dayUrl)
    {
        var statements = days.Select(d => (Day: d, Verdicts: d.Entries.Where(e => e.Quote.Role == "statement").Select(e => e.Verdict).ToList()))
            .Where(d => d.Verdicts.Count > 0).ToDictionary(d => d.Day.DateIso, StringComparer.Ordinal);
        if (statements.Count == 0)
        {
            return null;
        }

        var ratings = context.Dossier.Site.RatingScale.Ratings.OrderByDescending(r => r.Value).ToList();
        var axis = DayColumns.Days(Parse(statements.Keys.Min(StringComparer.Ordinal)!), Parse(statements.Keys.Max(StringComparer.Ordinal)!));
        var max = statements.Values.Max(s => s.Verdicts.Count);
        var scale = new LinearScale(max, Plot);
        var dayWidth = Math.Max(MinDayWidth, MinWidth / axis.Count);
        var columns = new List<TimelineColumnView>();
        for (var i = 0; i < axis.Count; i++)
        {
            var iso = Iso(axis[i]);
            if (!statements.TryGetValue(iso, out var day))
            {
                continue; // an empty day keeps its place on the axis, with nothing drawn
            }

            var counts = ratings.Select(r => day.Verdicts.Count(v => v.Rating == r.Key)).ToList();
            var pieces = DayColumns.Stack(counts, scale, Baseline)
                .Select(p => new TimelinePieceView(ratings[p.Index].Key, ratings[p.Index].Label, counts[p.Index], Math.Round(p.Y, 2), Math.Round(p.Height, 2))).ToList();
            columns.Add(new TimelineColumnView(day.Day.Date, iso, dayUrl(day.Day), (i * dayWidth) + 2, dayWidth - 4, day.Verdicts.Count, pieces));
        }

        var index = axis.Select((d, i) => (Iso: Iso(d), X: (i * dayWidth) + (dayWidth / 2.0))).ToDictionary(d => d.Iso, d => d.X, StringComparer.Ordinal);
        var articles = context.Dossier.Articles
            .Where(a => index.ContainsKey(Iso(a.Date)))
            .GroupBy(a => Iso(a.Date), StringComparer.Ordinal)
            .Select(g => new ChartMarkView(index[g.Key], context.Strings.FormatDate(g.First().Date)))
            .ToList();
        // The first and last days, and the first of each month far enough from both to be read.
        var room = 120 / dayWidth;
        var ticks = axis.Select((d, i) => (Day: d, Index: i))
            .Where(d => d.Index == 0 || (d.Index == axis.Count - 1 && d.Index >= room) || (d.Day.Day == 1 && d.Index >= room && d.Index <= axis.Count - 1 - room))
            .Select(d => new ChartMarkView((d.Index * dayWidth) + (dayWidth / 2.0), context.Strings.FormatDate(d.Day))).ToList();
        var label = context.Strings["chart_timeline_label"]
            .Replace("{count}", statements.Values.Sum(s => s.Verdicts.Count).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{first}", context.Strings.FormatDate(axis[0]), StringComparison.Ordinal)
            .Replace("{last}", context.Strings.FormatDate(axis[^1]), StringComparison.Ordinal);
        return new TimelineChartView("timeline-chart", label, axis.Count * dayWidth, Height, Baseline, max, columns, articles, ticks);
    }

    private static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
