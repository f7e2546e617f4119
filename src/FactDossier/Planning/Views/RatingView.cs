namespace FactDossier.Planning.Views;

public sealed record RatingView(string Key, string Label, int Value, string Description, int ClaimCount);
