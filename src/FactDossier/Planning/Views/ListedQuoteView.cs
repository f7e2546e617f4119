namespace FactDossier.Planning.Views;

/// <summary>
/// A statement or counter-statement listed away from its claim (the timeline, its speaker's page), linking back to its
/// place there. Made once with its claim's view, so that every list shares one rendering of it.
/// </summary>
public sealed record ListedQuoteView(QuoteView Quote, string ClaimId, string ClaimUrl, string ClaimHeadline, VerdictView Verdict);
