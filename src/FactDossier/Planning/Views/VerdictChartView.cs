namespace FactDossier.Planning.Views;

/// <summary>
/// How many claims got each verdict, drawn as one bar (theme/partials/charts/verdict-bar.liquid) and written out as a
/// list beside it: the dossier's distribution on the home page, a person's scorecard on their page.
/// </summary>
/// <param name="Id">Unique in its page: names the chart for assistive technology.</param>
/// <param name="Label">What the chart shows, in words (its accessible name).</param>
/// <param name="Length">The bar's length in the drawing's units; the segments' lengths add up to it.</param>
public sealed record VerdictChartView(string Id, string Label, int Total, int Length, IReadOnlyList<VerdictSegmentView> Segments);

/// <param name="Start">Where the segment starts along the bar, in the drawing's units.</param>
/// <param name="Percent">Its share of the claims, rounded to a whole percent.</param>
public sealed record VerdictSegmentView(string Rating, string Label, string Url, int Count, int Start, int Length, int Percent)
{
    /// <summary>How the theme draws it: tone, mark and texture, never its key.</summary>
    public required Model.RatingLook Look { get; init; }
}
