using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>One step of the rating scale; <see cref="Value"/> is published as ClaimReview's ratingValue.</summary>
public sealed record Rating(string Key, string Label, int Value, string Description, SourceSpan Span);
