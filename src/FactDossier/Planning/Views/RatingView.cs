namespace FactDossier.Planning.Views;

/// <summary>A rating of the scale, with the page of its claims and how many there are.</summary>
public sealed record RatingView(string Key, string Label, int Value, string Description, int ClaimCount, string Url)
{
    /// <summary>The key under the name a verdict gives it, so that <c>partials/verdict-badge.liquid</c> draws both alike.</summary>
    public string Rating => Key;

    /// <summary>How the theme draws it: tone, mark and texture, never its key.</summary>
    public required Model.RatingLook Look { get; init; }
}
