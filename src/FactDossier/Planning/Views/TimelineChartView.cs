namespace FactDossier.Planning.Views;

/// <summary>
/// The checked statements on a day axis, a column per day stacked by verdict (theme/partials/charts/timeline-columns.liquid),
/// the articles' days marked; the same counts written out beside it. Across, places are in percent of the drawing's
/// width (the column's, at least <paramref name="Width"/> pixels); down, in pixels.
/// </summary>
/// <param name="Width">The least width it is drawn at, in pixels: narrower, it scrolls sideways.</param>
/// <param name="Legend">The verdicts drawn, in the scale's order, with their counts.</param>
public sealed record TimelineChartView(string Id, string Label, int Width, int Height, int Baseline,
    IReadOnlyList<TimelineColumnView> Columns, IReadOnlyList<ChartMarkView> Articles, IReadOnlyList<ChartMarkView> Ticks,
    IReadOnlyList<TimelinePieceView> Legend);

/// <param name="Url">Where the day's statements are listed.</param>
/// <param name="Name">What the column says, for its link: the day and its count.</param>
/// <param name="ByStatement">Whether each piece is one statement linking to its claim, or a verdict's count.</param>
/// <param name="Counts">The day's count of each verdict of the chart's legend, in its order.</param>
public sealed record TimelineColumnView(string Date, string DateIso, string Url, string Name, double X, double Width, int Total, bool ByStatement,
    IReadOnlyList<int> Counts, IReadOnlyList<TimelinePieceView> Pieces);

/// <param name="Url">The statement's claim, when the piece is one statement.</param>
/// <param name="Name">What the piece says, for its link.</param>
public sealed record TimelinePieceView(string Rating, string Label, int Count, double Y, double Height, string? Url, string? Name)
{
    /// <summary>How the theme draws it: tone, mark and texture, never its key.</summary>
    public required Model.RatingLook Look { get; init; }
}

/// <summary>A labelled place on the axis: a tick, or an article's day.</summary>
/// <param name="Anchor">Which way its label reads from the place: <c>start</c>, <c>middle</c> or <c>end</c>.</param>
public sealed record ChartMarkView(double X, string Label, string Anchor = "middle");
