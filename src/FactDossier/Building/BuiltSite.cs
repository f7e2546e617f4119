using FactDossier.Anchoring;
using FactDossier.Model;
using FactDossier.Planning;
using FactDossier.Publishing;
using FactDossier.Rendering;
using FactDossier.Validation;

namespace FactDossier.Building;

/// <summary>What the stages made of the input, up to the plan.</summary>
/// <param name="Loaded">The dossier as loaded (before <c>--base-url</c>), which the next build's load is compared with.</param>
/// <param name="Coverage">Each article's passages covered, left out and left (<see cref="Coverage.PassageCoverage"/>).</param>
internal sealed record PlannedSite(Dossier Loaded, Delta Delta, AnchoredDossier Anchored, ClaimChecks Checks, ThemeStamp Theme, UiStrings Strings,
    TemplateSet Templates, SitePlan Plan, PreviousSite? Before, IReadOnlyList<Coverage.ArticleCoverage> Coverage);

/// <summary>A build rendered and checked, ready to be put in place; what a preview or build server keeps of its last build.</summary>
internal sealed record PublishedSite(string Output, PlannedSite Planned, SiteRenderer Renderer, ChangedFilesWriter Writer,
    IReadOnlyDictionary<string, LinkChecker.PageLinks> Links, IReadOnlySet<string> OtherFiles)
{
    public SitePlan Plan => Planned.Plan;

    public Dossier Loaded => Planned.Loaded;

    public AnchoredDossier Anchored => Planned.Anchored;

    public ThemeStamp Theme => Planned.Theme;

    public IReadOnlyDictionary<string, int> TagCounts => Planned.Delta.TagCounts;

    /// <summary>Every file the build makes: its pages and its other files.</summary>
    public IReadOnlySet<string> Made => field ??= Plan.Pages.Select(p => p.OutputPath).Concat(OtherFiles).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Links"/> holds every page's links (a build that rendered pages by the record knows only those).</summary>
    public bool LinksKnown { get; init; } = true;

    /// <summary>What each share image was drawn from (<see cref="ShareCardDrawer.KeyOf"/>): one that shows the same is not written again.</summary>
    public IReadOnlyDictionary<string, Building.OutputFile> ShareCards { get; init; } = new Dictionary<string, Building.OutputFile>();
}
