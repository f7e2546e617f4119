namespace FactDossier.Planning.Views;

public sealed record VerdictView(string Rating, string Label, int Value, string Description, string Summary, string? ExplanationHtml);
