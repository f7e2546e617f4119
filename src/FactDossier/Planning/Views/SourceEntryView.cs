namespace FactDossier.Planning.Views;

/// <summary>
/// A source on the sources page, with the claims that cite it: all of them, or the first ones and a link to the
/// source's own page listing them all.
/// </summary>
public sealed record SourceEntryView(SourceView Source, string ElementId, IReadOnlyList<LinkView> Claims, int ClaimCount, string? AllClaimsUrl);
