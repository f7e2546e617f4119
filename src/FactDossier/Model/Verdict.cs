namespace FactDossier.Model;

/// <summary>The rating, a one-line summary, and the reasoning in Markdown.</summary>
public sealed record Verdict(Located<string> Rating, string Summary, string? Explanation);
