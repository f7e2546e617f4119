namespace FactDossier.Planning.Views;

/// <summary>A rating of the scale, with the page of its claims and how many there are.</summary>
public sealed record RatingView(string Key, string Label, int Value, string Description, int ClaimCount, string Url);
