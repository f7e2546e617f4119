using System.Globalization;
using FactDossier.Charts;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>A claim's statement and its dated counter-statements on a day axis, from the earliest to the latest.</summary>
internal static class ReplyChart
{
    private const int Width = 360;
    private const int Margin = 24;
    private const int Lane = 24;

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
        var lanes = DayLanes.Of(offsets);
        var baseline = 26 + (lanes.Max() * Lane) + 14;
        var step = (Width - (2.0 * Margin)) / span;
        var marks = dated.Select((q, i) => new ReplyMarkView(i + 1, q.Role, q.RoleLabel, q.Speaker?.Name, q.SaidOn!, q.SaidOnIso!, "#" + q.ElementId,
            Math.Round(Margin + (offsets[i] * step), 2), baseline - 14 - (lanes[i] * Lane))).ToList();
        var firstDay = DateOnly.FromDayNumber(first);
        var lastDay = DateOnly.FromDayNumber(last);
        List<ChartMarkView> ticks = last == first
            ? [new ChartMarkView(Margin, t.FormatDate(firstDay))]
            : [new ChartMarkView(Margin, t.FormatDate(firstDay)), new ChartMarkView(Width - Margin, t.FormatDate(lastDay))];
        var label = t["chart_replies_label"]
            .Replace("{count}", (dated.Count - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{days}", (last - first).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new ReplyChartView("replies-chart", label, Width, baseline + 30, baseline, marks, ticks, counters.Count + 1 - dated.Count);
    }
}
