namespace FactDossier.Planning.Views;

public sealed record VerdictView(string Rating, string Label, int Value, string Description, string Summary, string? ExplanationHtml)
{
    /// <summary>Whether the rating is a point of the numeric scale (see <see cref="Model.Rating.Checkable"/>).</summary>
    public bool Checkable { get; init; } = true;

    /// <summary>How the theme draws it: tone, mark and texture, never its key.</summary>
    public required Model.RatingLook Look { get; init; }
}
