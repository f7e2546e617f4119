namespace FactDossier.Planning.Views;

/// <summary>
/// The checked statements on a day axis, a column per day stacked by verdict (theme/partials/charts/timeline-columns.liquid),
/// the articles' days marked; the same counts written out beside it.
/// </summary>
public sealed record TimelineChartView(string Id, string Label, int Width, int Height, int Baseline, int Max,
    IReadOnlyList<TimelineColumnView> Columns, IReadOnlyList<ChartMarkView> Articles, IReadOnlyList<ChartMarkView> Ticks);

/// <param name="Url">Where the day's statements are listed.</param>
public sealed record TimelineColumnView(string Date, string DateIso, string Url, double X, double Width, int Total, IReadOnlyList<TimelinePieceView> Pieces);

public sealed record TimelinePieceView(string Rating, string Label, int Count, double Y, double Height);

/// <summary>A labelled place on the axis: a tick, or an article's day.</summary>
public sealed record ChartMarkView(double X, string Label);
