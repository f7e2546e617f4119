using FactDossier.Charts;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Verdict distributions: of the whole dossier, and of one speaker's statements.</summary>
internal static class VerdictCharts
{
    private const int Length = 1000;

    /// <summary>The verdicts given, counted in the order of the rating scale (best first); ratings with none are kept, at length 0.</summary>
    public static VerdictChartView Of(PlanningContext context, string id, string label, IEnumerable<VerdictView> verdicts) =>
        Of(context, id, label, verdicts.CountBy(v => v.Rating, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal));

    /// <param name="counts">How many verdicts give each rating, by its key.</param>
    public static VerdictChartView Of(PlanningContext context, string id, string label, IReadOnlyDictionary<string, int> counts)
    {
        var ratings = context.Dossier.Site.RatingScale.Ratings.OrderByDescending(r => r.Value).ToList();
        var numbers = ratings.Select(r => counts.GetValueOrDefault(r.Key)).ToList();
        var total = numbers.Sum();
        var segments = StackedBar.Segments(numbers, Length);
        return new VerdictChartView(id, label, total, Length, [.. ratings.Select((r, i) =>
            new VerdictSegmentView(r.Key, r.Label, context.Urls.Verdict(r.Key), numbers[i], segments[i].Start, segments[i].Length, StackedBar.Percent(numbers[i], total))
            {
                Look = context.Dossier.Site.RatingScale.LookOf(r),
            })]);
    }
}
