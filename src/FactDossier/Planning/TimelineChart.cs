using System.Globalization;
using FactDossier.Charts;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// The timeline's chart: every checked statement on its day, by verdict, from the first day to the last. While no day
/// has more than <see cref="MaxMarksADay"/> statements each is a mark of its own, linking to its claim; beyond, a day's
/// verdicts are counted and its column links to where the day's statements are listed. Days are placed in percent of
/// the drawing's width, which is the column's: a few days spread across it, and many keep at least
/// <see cref="MinDayWidth"/> pixels each, the drawing then scrolling sideways.
/// </summary>
internal static class TimelineChart
{
    private const int MaxMarksADay = 12;
    private const int MinDayWidth = 20;

    /// <summary>A column's share of its day's slot: the rest is the gap between days.</summary>
    private const double Bar = 0.6;
    private const int Height = 160;
    private const int Baseline = 130;
    private const int Plot = 110;

    /// <summary>The dates' font size (theme/assets/site.css).</summary>
    public const double TickSize = 12;

    /// <param name="dayUrl">Where a day's statements are listed.</param>
    public static TimelineChartView? Of(PlanningContext context, IReadOnlyList<TimelineDayView> days, Func<TimelineDayView, string> dayUrl)
    {
        var statements = days.Select(d => (Day: d, Entries: d.Entries.Where(e => e.Quote.Role == "statement").ToList()))
            .Where(d => d.Entries.Count > 0).ToDictionary(d => d.Day.DateIso, StringComparer.Ordinal);
        if (statements.Count == 0)
        {
            return null;
        }

        var ratings = context.Dossier.Site.RatingScale.Ratings.OrderByDescending(r => r.Value).ToList();
        var looks = ratings.Select(context.Dossier.Site.RatingScale.LookOf).ToList();
        var axis = DayColumns.Days(Parse(statements.Keys.Min(StringComparer.Ordinal)!), Parse(statements.Keys.Max(StringComparer.Ordinal)!));
        var max = statements.Values.Max(s => s.Entries.Count);
        var byStatement = max <= MaxMarksADay;
        var rank = ratings.Select((r, i) => (r.Key, i)).ToDictionary(r => r.Key, r => r.i, StringComparer.Ordinal);
        // The verdicts given, in the scale's order: the legend's and the table's columns.
        var given = Enumerable.Range(0, ratings.Count).Where(r => statements.Values.Any(d => d.Entries.Any(e => e.Verdict.Rating == ratings[r].Key))).ToList();
        var scale = new LinearScale(max, Plot);
        var slot = 100.0 / axis.Count; // percent of the width
        var narrowest = Math.Max(axis.Count * MinDayWidth, Column.Narrow); // the least width it is drawn at, in pixels
        var dayWidth = narrowest / axis.Count;
        var columns = new List<TimelineColumnView>();
        for (var i = 0; i < axis.Count; i++)
        {
            var iso = Iso(axis[i]);
            if (!statements.TryGetValue(iso, out var day))
            {
                continue; // an empty day keeps its place on the axis, with nothing drawn
            }

            var total = day.Entries.Count;
            var counts = ratings.Select(r => day.Entries.Count(e => e.Verdict.Rating == r.Key)).ToList();
            var pieces = byStatement ? Marks(context, day.Entries, rank, scale) : DayColumns.Stack(counts, scale, Baseline)
                .Select(p => new TimelinePieceView(ratings[p.Index].Key, ratings[p.Index].Label, counts[p.Index], Math.Round(p.Y, 2), Math.Round(p.Height, 2), null, null)
                {
                    Look = looks[p.Index],
                }).ToList();
            var name = context.Strings["chart_timeline_day"].Replace("{date}", day.Day.Date, StringComparison.Ordinal)
                .Replace("{count}", total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            columns.Add(new TimelineColumnView(day.Day.Date, iso, dayUrl(day.Day), name, Percent((i + ((1 - Bar) / 2)) * slot), Percent(Bar * slot), total, byStatement,
                [.. given.Select(r => counts[r])], pieces));
        }

        var index = axis.Select((d, i) => (Iso: Iso(d), X: Percent((i + 0.5) * slot))).ToDictionary(d => d.Iso, d => d.X, StringComparer.Ordinal);
        var articles = context.Dossier.Articles
            .Where(a => index.ContainsKey(Iso(a.Date)))
            .GroupBy(a => Iso(a.Date), StringComparer.Ordinal)
            .Select(g => new ChartMarkView(index[g.Key], context.Strings.FormatDate(g.First().Date)))
            .ToList();
        var ticks = Ticks(context, axis, slot, dayWidth);
        var label = context.Strings["chart_timeline_label"]
            .Replace("{count}", statements.Values.Sum(s => s.Entries.Count).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{first}", context.Strings.FormatDate(axis[0]), StringComparison.Ordinal)
            .Replace("{last}", context.Strings.FormatDate(axis[^1]), StringComparison.Ordinal);
        var legend = given.Select((r, at) => new TimelinePieceView(ratings[r].Key, ratings[r].Label, columns.Sum(c => c.Counts[at]), 0, 0, null, null) { Look = looks[r] }).ToList();
        return new TimelineChartView("timeline-chart", label, (int)Math.Ceiling(narrowest), Height, Baseline, columns, articles, ticks, legend);
    }

    /// <summary>
    /// Every day's date under it while each has room for the widest at the least width; else the first and last days,
    /// and the first of each month far enough from both to be read.
    /// </summary>
    private static List<ChartMarkView> Ticks(PlanningContext context, IReadOnlyList<DateOnly> axis, double slot, double dayWidth)
    {
        var dates = axis.Select(context.Strings.FormatDate).ToList();
        var widest = dates.Max(d => TextWidth.Of(d, TickSize)) + 8;
        if (widest <= dayWidth)
        {
            return [.. dates.Select((d, i) => new ChartMarkView(Percent((i + 0.5) * slot), d, "middle"))];
        }

        var room = widest / dayWidth;
        return [.. axis.Select((d, i) => (Day: d, Index: i))
            .Where(d => d.Index == 0 || (d.Index == axis.Count - 1 && d.Index >= room) || (d.Day.Day == 1 && d.Index >= room && d.Index <= axis.Count - 1 - room))
            .Select(d => new ChartMarkView(Percent(d.Index == 0 ? 0 : d.Index == axis.Count - 1 ? 100 : (d.Index + 0.5) * slot), dates[d.Index],
                d.Index == 0 ? "start" : d.Index == axis.Count - 1 ? "end" : "middle"))];
    }

    /// <summary>A day's statements one above the other, by verdict (best lowest) then claim, each named and linked.</summary>
    private static List<TimelinePieceView> Marks(PlanningContext context, IReadOnlyList<ListedQuoteView> entries, Dictionary<string, int> rank, LinearScale scale)
    {
        var ordered = entries.OrderBy(e => rank.GetValueOrDefault(e.Verdict.Rating, rank.Count)).ThenBy(e => e.ClaimUrl, StringComparer.Ordinal).ToList();
        return [.. DayColumns.Stack([.. ordered.Select(_ => 1)], scale, Baseline).Select(p =>
        {
            var entry = ordered[p.Index];
            var name = context.Strings["chart_timeline_mark"]
                .Replace("{headline}", entry.ClaimHeadline, StringComparison.Ordinal)
                .Replace("{verdict}", entry.Verdict.Label, StringComparison.Ordinal);
            return new TimelinePieceView(entry.Verdict.Rating, entry.Verdict.Label, 1, Math.Round(p.Y, 2), Math.Round(p.Height, 2), entry.ClaimUrl, name)
            {
                Look = entry.Verdict.Look,
            };
        })];
    }

    private static double Percent(double value) => Math.Round(value, 3);

    private static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
