namespace FactDossier.Planning.Views;

/// <summary>A source on the sources page, with the claims that cite it.</summary>
public sealed record SourceEntryView(SourceView Source, string ElementId, IReadOnlyList<LinkView> Claims);
