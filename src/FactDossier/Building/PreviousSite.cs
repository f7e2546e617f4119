using FactDossier.Planning;
using FactDossier.Publishing;

namespace FactDossier.Building;

/// <summary>
/// What the last build published, as the next one needs it to render and write only what changed: its pages and what
/// decided them (<see cref="PagePlan.Shows"/>, <see cref="PagePlan.Signature"/>), each page's ids (and, in the
/// preview's memory, its links), every file it wrote, and which claims changed since (null: something else did, and
/// every page is rendered again; the files whose bytes did not change are still left alone).
/// </summary>
internal sealed class PreviousSite(
    Func<IReadOnlyDictionary<string, (IReadOnlySet<string>? Shows, string? Signature)>> pagesByPath,
    IReadOnlyDictionary<string, LinkChecker.PageLinks> links,
    bool knowsLinks,
    IEnumerable<string> files,
    IReadOnlySet<string>? changedClaims,
    IReadOnlySet<string> damaged)
{
    public static PreviousSite Of(PublishedSite last, IReadOnlySet<string> changedClaims) =>
        new(() => last.Plan.Pages.ToDictionary(p => p.OutputPath, p => (p.Shows, p.Signature), StringComparer.Ordinal), last.Links, knowsLinks: true,
            last.Plan.Pages.Select(p => p.OutputPath).Concat(last.OtherFiles), changedClaims, new HashSet<string>())
        {
            _lastPages = last.Plan.Pages,
            _lastOtherFiles = last.OtherFiles,
        };

    public static PreviousSite Of(SiteRecord record, IReadOnlySet<string>? changedClaims, IReadOnlySet<string> damaged) =>
        new(() => record.Pages.ToDictionary(p => p.Key, p => (p.Value.Shows, p.Value.Signature), StringComparer.Ordinal),
            record.Pages.ToDictionary(p => p.Key, p => new LinkChecker.PageLinks(p.Key, p.Value.Ids, [], []), StringComparer.Ordinal),
            knowsLinks: false, record.Outputs.Keys, changedClaims, damaged);

    private IReadOnlyDictionary<string, (IReadOnlySet<string>? Shows, string? Signature)> Pages => field ??= pagesByPath();

    /// <summary>The preview's last plan's pages and other files: an edit's plan usually has the same, in the same order.</summary>
    private IReadOnlyList<PagePlan>? _lastPages;

    private IReadOnlySet<string>? _lastOtherFiles;

    private bool? _aligned;

    /// <summary>
    /// Whether the plan's pages are the last plan's paths in the same order: then each page is compared with the one in
    /// its place, and nothing needs a dictionary of every path (25,000 at 10k claims, on every rebuild).
    /// </summary>
    private bool IsAligned(SitePlan plan) => _aligned ??= _lastPages is { } last && last.Count == plan.Pages.Count
        && Enumerable.Range(0, last.Count).All(i => string.Equals(last[i].OutputPath, plan.Pages[i].OutputPath, StringComparison.Ordinal));

    /// <summary>
    /// The plan's pages to render again: new, damaged, showing (or having shown) a changed claim, depending on every
    /// claim, or a page of a list whose items moved (its signature); all of them when more than claims changed. Each page
    /// is compared with the one in its place when the pages are aligned, else with the one at its path.
    /// </summary>
    public IReadOnlyList<PagePlan> ToRender(SitePlan plan) =>
        changedClaims is null ? plan.Pages
        : IsAligned(plan) ? [.. plan.Pages.Where((page, i) => MustRender(page, (_lastPages![i].Shows, _lastPages[i].Signature), changedClaims))]
        : [.. plan.Pages.Where(page => !Pages.TryGetValue(page.OutputPath, out var old) || MustRender(page, old, changedClaims))];

    private bool MustRender(PagePlan page, (IReadOnlySet<string>? Shows, string? Signature) old, IReadOnlySet<string> changed) =>
        (damaged.Count > 0 && damaged.Contains(page.OutputPath)) || Shows(page.Shows, changed) || Shows(old.Shows, changed)
        || !string.Equals(page.Signature, old.Signature, StringComparison.Ordinal);

    /// <summary>The files the last build left that this one does not make.</summary>
    public IEnumerable<string> Gone(SitePlan plan, IReadOnlySet<string> otherFiles, Func<IReadOnlySet<string>> made) =>
        IsAligned(plan) && _lastOtherFiles is { } last && otherFiles.SetEquals(last) ? [] : files.Where(f => !made().Contains(f));

    /// <summary>Each page's links as the last build read them (from the record: its ids only, see <see cref="KnowsLinks"/>).</summary>
    public IReadOnlyDictionary<string, LinkChecker.PageLinks> Links => links;

    /// <summary>Whether <see cref="Links"/> holds each page's links, or only its ids.</summary>
    public bool KnowsLinks => knowsLinks;

    /// <summary>A share image is drawn again as a page is rendered again: new, damaged, or showing a changed claim.</summary>
    public bool MustDraw(ShareCardPlan card) =>
        changedClaims is null || !Files.Contains(card.OutputPath) || damaged.Contains(card.OutputPath) || card.Shows.Overlaps(changedClaims);

    private HashSet<string> Files => field ??= files.ToHashSet(StringComparer.Ordinal);

    /// <summary>The links of every page of the plan: those just read, else the last build's.</summary>
    public Dictionary<string, LinkChecker.PageLinks> LinksWith(SitePlan plan, IEnumerable<LinkChecker.PageLinks> read)
    {
        var all = IsAligned(plan) && knowsLinks
            ? new Dictionary<string, LinkChecker.PageLinks>(links, StringComparer.Ordinal) // the same pages: all of the last links
            : plan.Pages.Where(p => links.ContainsKey(p.OutputPath)).ToDictionary(p => p.OutputPath, p => links[p.OutputPath], StringComparer.Ordinal);
        foreach (var page in read)
        {
            all[page.OutputPath] = page;
        }

        return all;
    }

    /// <summary>The same pages as last time, and every page read again offers the same ids: the other pages' links still hold.</summary>
    public bool HasSameTargets(SitePlan plan, IEnumerable<LinkChecker.PageLinks> read) =>
        (IsAligned(plan) || (plan.Pages.Count == Pages.Count && plan.Pages.All(p => Pages.ContainsKey(p.OutputPath))))
        && read.All(page => links.TryGetValue(page.OutputPath, out var old) && old.Ids.SetEquals(page.Ids));

    private static bool Shows(IReadOnlySet<string>? shows, IReadOnlySet<string> claims) => shows is null || shows.Overlaps(claims);
}
