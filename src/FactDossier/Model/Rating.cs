using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>
/// One step of the rating scale; <see cref="Value"/> places it on the scale, and is published as ClaimReview's
/// ratingValue when the rating is <see cref="Checkable"/>. A rating for what no record can confirm or refute (an
/// opinion, a forecast) is not: it is published by its name alone, never as a point of the numeric scale.
/// </summary>
public sealed record Rating(string Key, string Label, int Value, string Description, SourceSpan Span)
{
    public bool Checkable { get; init; } = true;

    /// <summary>One of <see cref="RatingTones.All"/>, as site.yml gives it; null: by its place on the scale (<see cref="RatingScale.LookOf"/>).</summary>
    public string? Tone { get; init; }

    /// <summary>The symbol shown before its label, as site.yml gives it; null: its tone's.</summary>
    public string? Mark { get; init; }
}
