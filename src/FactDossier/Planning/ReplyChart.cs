using System.Globalization;
using FactDossier.Charts;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>
/// A claim's statement and its dated counter-statements on a day axis, from the earliest to the latest, across the
/// column's width: places in percent of it, marks and their numbers in pixels, marks that would touch at a phone's width
/// one above the other.
/// </summary>
internal static class ReplyChart
{
    /// <summary>The axis's ends, in percent of the width from either side: room for a mark and its number.</summary>
    private const double Margin = 9;
    private const int Lane = 24;

    /// <summary>What a mark and its number take along the axis, in pixels.</summary>
    private const double MarkRoom = 42;

    public static ReplyChartView? Of(UiStrings t, QuoteView statement, IReadOnlyList<QuoteView> counters)
    {
        var dated = counters.Prepend(statement).Where(q => q.SaidOnIso is not null).ToList();
        if (statement.SaidOnIso is null || dated.Count < 2)
        {
            return null; // nothing to place: the page's columns already say it
        }

        var days = dated.Select(q => DateOnly.ParseExact(q.SaidOnIso!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber).ToList();
        var (first, last) = (days.Min(), days.Max());
        var span = Math.Max(1, last - first);
        var offsets = days.Select(d => d - first).ToList();
        var step = (100 - (2 * Margin)) / span; // percent a day
        var lanes = DayLanes.Of(offsets, MarkRoom / (step * Column.Narrow / 100));
        var baseline = 26 + (lanes.Max() * Lane) + 14;
        var marks = dated.Select((q, i) => new ReplyMarkView(i + 1, q.Role, q.RoleLabel, q.Speaker?.Name, q.SaidOn!, q.SaidOnIso!, "#" + q.ElementId,
            Math.Round(Margin + (offsets[i] * step), 3), baseline - 14 - (lanes[i] * Lane))).ToList();
        List<ChartMarkView> ticks = [new(Margin, t.FormatDate(DateOnly.FromDayNumber(first)), "start"),
            .. last == first ? [] : new[] { new ChartMarkView(100 - Margin, t.FormatDate(DateOnly.FromDayNumber(last)), "end") }];
        var label = t["chart_replies_label"]
            .Replace("{count}", (dated.Count - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{days}", (last - first).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new ReplyChartView("replies-chart", label, baseline + 30, baseline, marks, ticks, counters.Count + 1 - dated.Count);
    }
}
