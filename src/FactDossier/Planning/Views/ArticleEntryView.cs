namespace FactDossier.Planning.Views;

/// <summary>An article in the index of articles: its claims counted, and counted by verdict (ratings with none left out).</summary>
public sealed record ArticleEntryView(ArticleRef Article, int ClaimCount, IReadOnlyList<RatingView> Ratings);
