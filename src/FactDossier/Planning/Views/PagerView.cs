namespace FactDossier.Planning.Views;

/// <summary>
/// Where a page stands in its list: its number, how many pages the list has, its neighbours (for the pager and for
/// <c>&lt;link rel="prev"/"next"&gt;</c>), and the page links to show (first, last, and the current one's neighbours).
/// </summary>
public sealed record PagerView(int Number, int Count, string? PrevUrl, string? NextUrl, IReadOnlyList<PagerLink> Links);

/// <summary>One link of the pager; a null number is a gap in the run of pages ("…").</summary>
public sealed record PagerLink(int? Number, string? Url, bool IsCurrent);
