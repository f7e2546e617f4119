namespace FactDossier.Charts;

/// <summary>
/// A bar cut into segments whose lengths are in proportion to counts, in whole units that add up to the bar's length
/// exactly (the largest remainders get the leftover units), so that a chart's segments never overlap or leave a gap.
/// </summary>
public static class StackedBar
{
    public readonly record struct Segment(int Start, int Length);

    public static IReadOnlyList<Segment> Segments(IReadOnlyList<int> counts, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var total = counts.Sum();
        if (total == 0)
        {
            return [.. counts.Select(_ => new Segment(0, 0))];
        }

        var exact = counts.Select(c => (double)c * length / total).ToArray();
        var lengths = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var leftover = length - lengths.Sum();
        // Ties go to the earlier segment: the same counts always give the same bar.
        foreach (var i in Enumerable.Range(0, counts.Count).Where(i => counts[i] > 0).OrderByDescending(i => exact[i] - lengths[i]).ThenBy(i => i).Take(leftover))
        {
            lengths[i]++;
        }

        var segments = new Segment[counts.Count];
        var start = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            segments[i] = new Segment(start, lengths[i]);
            start += lengths[i];
        }

        return segments;
    }

    /// <summary>A count as a share of the total, rounded to a whole percent ("33 %" is written by the theme).</summary>
    public static int Percent(int count, int total) => total == 0 ? 0 : (int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero);
}
