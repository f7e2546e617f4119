namespace FactDossier.Publishing;

/// <summary>The ids and internal links of a piece of HTML, in document order: what the link check needs from it.</summary>
public sealed record HtmlAnchors(IReadOnlyList<HtmlAnchor> Items);

/// <summary>An id (<see cref="IsId"/>) or a link target, at a character index and a 1-based line and column.</summary>
public readonly record struct HtmlAnchor(bool IsId, string Value, int Index, int Line, int Column);
