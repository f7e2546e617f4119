namespace FactDossier.Planning.Views;

/// <summary>
/// What a share image shows (the theme's <c>partials/share-card.liquid</c> draws it): for a claim, its verdict, the
/// statement in its original language, who said it and when; for an article or the home page, its title and summary.
/// </summary>
public sealed record ShareCardView(
    string Kind,
    string Title,
    string SiteTitle,
    string? VerdictLabel,
    string? Quote,
    string? Lang,
    string? Speaker,
    string? Date,
    string? Summary)
{
    /// <summary>How a claim's verdict is drawn (its tone's colour, its mark); null on a card that shows no verdict.</summary>
    public Model.RatingLook? VerdictLook { get; init; }
}
