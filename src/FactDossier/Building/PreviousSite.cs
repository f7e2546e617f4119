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
    IReadOnlyDictionary<string, (IReadOnlySet<string>? Shows, string? Signature)> pages,
    IReadOnlyDictionary<string, LinkChecker.PageLinks> links,
    bool knowsLinks,
    IEnumerable<string> files,
    IReadOnlySet<string>? changedClaims,
    IReadOnlySet<string> damaged)
{
    public static PreviousSite Of(LastBuild last, IReadOnlySet<string> changedClaims) =>
        new(last.Plan.Pages.ToDictionary(p => p.OutputPath, p => (p.Shows, p.Signature), StringComparer.Ordinal), last.Links, knowsLinks: true,
            last.Plan.Pages.Select(p => p.OutputPath).Concat(last.OtherFiles), changedClaims, new HashSet<string>());

    public static PreviousSite Of(SiteRecord record, IReadOnlySet<string>? changedClaims, IReadOnlySet<string> damaged) =>
        new(record.Pages.ToDictionary(p => p.Key, p => (p.Value.Shows, p.Value.Signature), StringComparer.Ordinal),
            record.Pages.ToDictionary(p => p.Key, p => new LinkChecker.PageLinks(p.Key, p.Value.Ids, [], []), StringComparer.Ordinal),
            knowsLinks: false, record.Outputs.Keys, changedClaims, damaged);

    /// <summary>Each page's links as the last build read them (from the record: its ids only, see <see cref="KnowsLinks"/>).</summary>
    public IReadOnlyDictionary<string, LinkChecker.PageLinks> Links => links;

    /// <summary>Whether <see cref="Links"/> holds each page's links, or only its ids.</summary>
    public bool KnowsLinks => knowsLinks;

    /// <summary>Every file the last build left in output/.</summary>
    public IEnumerable<string> Files => files;

    /// <summary>
    /// A page is rendered again when it is new, was damaged, shows (or showed) a changed claim, depends on every claim,
    /// or is a page of a list whose items moved (its signature); all pages when more than claims changed.
    /// </summary>
    public bool MustRender(PagePlan page) =>
        changedClaims is null
        || !pages.TryGetValue(page.OutputPath, out var old)
        || damaged.Contains(page.OutputPath)
        || Shows(page.Shows, changedClaims) || Shows(old.Shows, changedClaims)
        || !string.Equals(page.Signature, old.Signature, StringComparison.Ordinal);

    /// <summary>A share image is drawn again as a page is rendered again: new, damaged, or showing a changed claim.</summary>
    public bool MustDraw(ShareCardPlan card)
    {
        _files ??= files.ToHashSet(StringComparer.Ordinal);
        return changedClaims is null || !_files.Contains(card.OutputPath) || damaged.Contains(card.OutputPath) || card.Shows.Overlaps(changedClaims);
    }

    private HashSet<string>? _files;

    /// <summary>The links of every page of the plan: those just read, else the last build's.</summary>
    public Dictionary<string, LinkChecker.PageLinks> LinksWith(SitePlan plan, IEnumerable<LinkChecker.PageLinks> read)
    {
        var all = plan.Pages.Where(p => links.ContainsKey(p.OutputPath)).ToDictionary(p => p.OutputPath, p => links[p.OutputPath], StringComparer.Ordinal);
        foreach (var page in read)
        {
            all[page.OutputPath] = page;
        }

        return all;
    }

    /// <summary>The same pages as last time, and every page read again offers the same ids: the other pages' links still hold.</summary>
    public bool HasSameTargets(SitePlan plan, IEnumerable<LinkChecker.PageLinks> read) =>
        plan.Pages.Count == pages.Count && plan.Pages.All(p => pages.ContainsKey(p.OutputPath))
        && read.All(page => links.TryGetValue(page.OutputPath, out var old) && old.Ids.SetEquals(page.Ids));

    private static bool Shows(IReadOnlySet<string>? shows, IReadOnlySet<string> claims) => shows is null || shows.Overlaps(claims);
}
