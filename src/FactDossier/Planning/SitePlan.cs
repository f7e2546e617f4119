using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Everything the site will contain, before any HTML exists: pages to render and data files to write, and the claims,
/// whose cards are rendered once and shown on every page that lists them.
/// </summary>
public sealed record SitePlan(SiteView Site, IReadOnlyList<PagePlan> Pages, IReadOnlyList<DataFile> Files, IReadOnlyList<ClaimView> Claims, IReadOnlyDictionary<string, string> Strings)
{
    /// <summary>What the plan was made from, for the next plan to reuse what has not changed.</summary>
    public PlanningContext? Context { get; init; }

    /// <summary>The share images to draw (none without a base URL, or with <c>share_cards: false</c>).</summary>
    public IReadOnlyList<ShareCardPlan> ShareCards { get; init; } = [];
}

/// <summary>A share image: where it goes, what the theme's <c>partials/share-card.liquid</c> reads, and the claims it shows.</summary>
public sealed record ShareCardPlan(string OutputPath, IReadOnlyDictionary<string, object?> Values, IReadOnlySet<string> Shows);

/// <summary>One page: where it goes, which template renders it, and every value the template may read.</summary>
public sealed record PagePlan(string OutputPath, string Template, PageView Page, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>
    /// The ids of the claims whose content this page shows; null when it depends on all of them (lists, counts). After
    /// an edit to some claims, the preview re-renders only the pages that showed or now show one of them.
    /// </summary>
    public IReadOnlySet<string>? Shows { get; init; }

    /// <summary>
    /// For a page of a list: what it shows besides the content of the claims in <see cref="Shows"/> (which items, in
    /// what order, how many in all, how many pages). The preview renders it again when this changed, even when none of
    /// its claims did: an item added to page 1 moves the others along.
    /// </summary>
    public string? Signature { get; init; }

    /// <summary>
    /// On the first page of a list: the whole list (an <c>IReadOnlyList</c> of its items), for the next plan to find the
    /// pages none of whose items changed (<see cref="PagePlans.Paged{T}"/>).
    /// </summary>
    public object? ListItems { get; init; }
}

/// <summary>
/// A machine-readable file (feed, sitemap, JSON) whose content is already final: its text, in pieces (claims.json is
/// one piece per claim, shared with the next plan of the preview when the claim did not change).
/// </summary>
public sealed record DataFile(string OutputPath, IReadOnlyList<string> Pieces)
{
    public DataFile(string outputPath, string content)
        : this(outputPath, [content])
    {
    }

    /// <summary>Its length in characters.</summary>
    public long Length => Pieces.Sum(p => (long)p.Length);

    /// <summary>The whole text (tests and tools; builds write the pieces).</summary>
    public string Content => string.Concat(Pieces);

    /// <summary>Whether it says what <paramref name="other"/> says, piece by piece (a kept claim's piece is the same string, compared at once).</summary>
    public bool HasSameTextAs(DataFile other) => Pieces.SequenceEqual(other.Pieces, StringComparer.Ordinal);

    /// <summary>Each claim's piece by its id, for the next plan to reuse those of unchanged claims.</summary>
    public IReadOnlyDictionary<string, string>? ClaimPieces { get; init; }

    /// <summary>For the search index's meta.json: the index as built, for the preview's next plan to update.</summary>
    internal Search.SearchIndex.State? Search { get; init; }
}
