namespace FactDossier.Scaffolding;

/// <summary>
/// What an editor gives <c>new claim</c>: the article, the words as they appear in it, and optionally who said them, an
/// id, and which appearance of the words is meant when the article prints them more than once.
/// </summary>
public sealed record NewClaimRequest(string Article, string Quote, string? Speaker = null, string? Id = null, int? Occurrence = null);
