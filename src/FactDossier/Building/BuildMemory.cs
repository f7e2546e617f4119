using FactDossier.Anchoring;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Planning;
using FactDossier.Publishing;
using FactDossier.Rendering;
using FactDossier.Validation;

namespace FactDossier.Building;

/// <summary>
/// What one build leaves for the next in the same process: the preview keeps one. Unchanged input files are not
/// read again; after an edit to claims only, the next build re-renders just the pages that show those claims (their
/// own pages, the lists, their article, tags and speakers) and rewrites only those files in place. Anything else
/// (site settings, people, sources, articles, pages, theme, base path) is a full build.
/// </summary>
public sealed class BuildMemory
{
    public LoadCache Files { get; } = new();

    /// <summary>
    /// The preview's memory is all it goes by; the build server's also reads and writes the command line's record, so that
    /// a build made without it (or by the preview) since is seen, and a command line build after it starts from its work.
    /// </summary>
    internal bool KeepsNoRecord { get; init; } = true;

    private (string Path, FileStamp? Stamp, SiteRecord? Record)? _record;

    /// <summary>Whether the record on disk is the one this memory's last build wrote or adopted, and output/ is as it says.</summary>
    internal bool Describes(RecordedBuild recorded) =>
        recorded.Record is not null && recorded.Damaged.Count == 0 && _record is { } mine && FileStamp.Of(mine.Path) == mine.Stamp;

    /// <summary>Notes the record on disk now (its stamp: a record written by any other build has another).</summary>
    internal void Recorded(InputLayout layout)
    {
        var path = SiteRecord.PathFor(layout);
        _record = (path, FileStamp.Of(path), null);
    }

    /// <summary>Notes the record this memory's build just wrote, with its file's stamp as written.</summary>
    internal void Recorded(InputLayout layout, (SiteRecord Record, FileStamp Stamp) written) =>
        _record = (SiteRecord.PathFor(layout), written.Stamp, written.Record);

    /// <summary>Keeps the record the warm-up read, once it found the file still the one it noted before reading.</summary>
    internal void Adopted(SiteRecord record)
    {
        if (_record is { } noted)
        {
            _record = noted with { Record = record };
        }
    }

    /// <summary>
    /// The record this memory's last build wrote or adopted, while its file is still that one and was made under these
    /// options: the next build does not read it again (53 MB at 100k claims).
    /// </summary>
    internal SiteRecord? OwnRecord(BuildOptions options) =>
        _record is { Record: { } record } mine && record.Key == SiteRecord.KeyOf(options) && FileStamp.Of(mine.Path) == mine.Stamp ? record : null;

    internal LastBuild? Last { get; set; }

    /// <summary>What the claim rules found in each claim at the last validation, failed builds included.</summary>
    internal ClaimChecks? Checks { get; set; }

    /// <summary>Whether a build has used this memory: only the first one starts from the command line's stored work.</summary>
    internal bool Started { get; set; }

    /// <summary>How the last written build was made: "full" or "incremental" (its summary says how many pages it rendered).</summary>
    public string? LastKind { get; internal set; }

    private Task _background = Task.CompletedTask;

    private (SiteSettings Loaded, Uri BaseUrl, SiteSettings Site)? _withBaseUrl;

    /// <summary>
    /// The site settings with the command line's base URL: one object while site.yml is unchanged, for the next build
    /// to see the same settings (a new one each time made every rebuild of <c>preview --base-url</c> a full one).
    /// </summary>
    internal SiteSettings WithBaseUrl(SiteSettings loaded, Uri baseUrl)
    {
        if (_withBaseUrl is { } made && ReferenceEquals(made.Loaded, loaded) && made.BaseUrl == baseUrl)
        {
            return made.Site;
        }

        var site = loaded with { BaseUrl = baseUrl };
        _withBaseUrl = (loaded, baseUrl, site);
        return site;
    }

    /// <summary>Deletes, after the build that replaced them has reported, the files it replaced.</summary>
    internal void Retire(string folder) => AfterBuild(() => DeleteQuietly(folder));

    /// <summary>
    /// Work a build leaves for the time the preview waits for the next edit (deleting the files it replaced, indexing
    /// its plan's pages for the next plan), one piece after the other, off the path of the next rebuild.
    /// </summary>
    internal void AfterBuild(Action work) =>
        _background = _background.ContinueWith(
            previous =>
            {
                work();
                previous.GetAwaiter().GetResult(); // a piece that failed earlier is still reported, once the later ones ran
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>
    /// Waits for the last build's work left for later: before the next build, and when the preview stops. A failure of
    /// that work (the build server's record, written after its reply) is thrown here, once.
    /// </summary>
    public void FinishBackgroundWork()
    {
        var work = _background;
        _background = Task.CompletedTask;
        work.GetAwaiter().GetResult();
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only old copies: the next preview removes what is left (its process is then gone).
        }
    }
}

/// <summary>The last successful, written build: what it was made from and what it produced.</summary>
internal sealed record LastBuild(
    string Output,
    ThemeStamp Theme,
    UiStrings Strings,
    TemplateSet Templates,
    AnchoredDossier Anchored,
    SitePlan Plan,
    SiteRenderer Renderer,
    IReadOnlyDictionary<string, LinkChecker.PageLinks> Links,
    IReadOnlySet<string> OtherFiles)
{
    /// <summary>What each share image was drawn from (<see cref="Rendering.ShareCardDrawer.KeyOf"/>): one that shows the same is not written again.</summary>
    public IReadOnlyDictionary<string, OutputFile> ShareCards { get; init; } = new Dictionary<string, OutputFile>();
}
