namespace FactDossier.Scaffolding;

/// <summary>What an editor gives <c>new claim</c>: the article, the words as they appear in it, and optionally who said them and an id.</summary>
public sealed record NewClaimRequest(string Article, string Quote, string? Speaker = null, string? Id = null);
