namespace FactDossier.Model;

/// <summary>
/// How the theme draws a rating, whatever its key: its <see cref="Tone"/> (the colour of badges, share images and
/// charts), the <see cref="Mark"/> written before its label, and the <see cref="Texture"/> laid over its colour in charts.
/// </summary>
public sealed record RatingLook(string Tone, string Mark, string Texture)
{
    /// <summary>A draft's verdict, not yet rated: grey and dashed, dotted in charts, and no mark.</summary>
    public static RatingLook Draft { get; } = new(RatingTones.NotRated, "", "dots");
}

/// <summary>The tones a rating may take in <c>site.yml</c>, with what each gives a rating that says no more.</summary>
public static class RatingTones
{
    public const string Supported = "supported";
    public const string Mixed = "mixed";
    public const string Refuted = "refuted";
    public const string NotRated = "not-rated";

    public static IReadOnlyList<string> All { get; } = [Supported, Mixed, Refuted, NotRated];

    /// <summary>The mark of a rating that gives none.</summary>
    public static string DefaultMark(string tone) => tone switch
    {
        Supported => "✓",
        Mixed => "!",
        Refuted => "✗",
        _ => "?",
    };

    /// <summary>
    /// Each tone's chart textures (theme/partials/charts/textures.liquid), none shared between tones, so that two
    /// ratings of one colour are told apart, and so are the tones printed in grey. The first rating of a tone takes the
    /// first, the next the second…, and they start again past the last.
    /// </summary>
    public static IReadOnlyList<string> Textures(string tone) => tone switch
    {
        Supported => ["plain", "columns", "rings"],
        Mixed => ["lines", "lines-back", "rows"],
        Refuted => ["cross", "grid", "zigzag"],
        _ => ["dots", "dashes"],
    };

    /// <summary>
    /// The tone of a rating that names none: not rated when it is not checkable, else by its value's place between the
    /// worst and best checkable values: the top third supported, the bottom third refuted, mixed between.
    /// </summary>
    public static string DefaultTone(Rating rating, int worst, int best)
    {
        if (!rating.Checkable)
        {
            return NotRated;
        }

        if (best <= worst)
        {
            return Mixed;
        }

        var place = (double)(rating.Value - worst) / (best - worst);
        return place >= 2.0 / 3 ? Supported : place <= 1.0 / 3 ? Refuted : Mixed;
    }
}
