namespace FactDossier.Charts;

/// <summary>
/// A column chart on a day axis: one slot per day from the first to the last (days with nothing keep their place),
/// each column a stack of counts drawn upwards from the axis.
/// </summary>
public static class DayColumns
{
    public readonly record struct Piece(int Index, double Y, double Height);

    /// <summary>Every day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IReadOnlyList<DateOnly> Days(DateOnly first, DateOnly last) =>
        last < first ? [] : [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)];

    /// <summary>
    /// One column's pieces, bottom up, for the counts in order (zero counts give none), on a scale shared by every
    /// column of the chart; <paramref name="baseline"/> is the axis's y (SVG's y grows downwards).
    /// </summary>
    public static IReadOnlyList<Piece> Stack(IReadOnlyList<int> counts, LinearScale scale, double baseline)
    {
        var pieces = new List<Piece>();
        var below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            var top = baseline - scale.Of(below + counts[i]);
            pieces.Add(new Piece(i, top, scale.Of(below + counts[i]) - scale.Of(below)));
            below += counts[i];
        }

        return pieces;
    }
}
