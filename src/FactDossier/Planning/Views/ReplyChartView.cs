namespace FactDossier.Planning.Views;

/// <summary>
/// A claim's statement and the dated replies to it on a short day axis (theme/partials/charts/replies.liquid): who
/// answered, when, and how (the mark's shape and colour, and its number in the list beside). Across, places are in
/// percent of the column's width; down, in pixels.
/// </summary>
public sealed record ReplyChartView(string Id, string Label, int Height, int Baseline, IReadOnlyList<ReplyMarkView> Marks,
    IReadOnlyList<ChartMarkView> Ticks, int Undated);

/// <param name="Number">The mark's number, as the list beside it numbers the same quotes.</param>
/// <param name="Href">The quote on the claim's page.</param>
public sealed record ReplyMarkView(int Number, string Role, string RoleLabel, string? Speaker, string Date, string DateIso, string Href, double X, double Y);
