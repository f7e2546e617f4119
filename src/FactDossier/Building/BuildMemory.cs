using FactDossier.Loading;

namespace FactDossier.Building;

/// <summary>
/// What a process that builds again and again (the preview, the build server) keeps from one build to the next: the
/// loaded files, and the last written build (<see cref="PublishedSite"/>), from which the next one reuses what an edit
/// did not touch. The build server also keeps the record it wrote: its memory is the truth while the record on disk is
/// that very file, and the next build goes by the record alone otherwise (<see cref="Baseline.Resolve"/>).
/// </summary>
public sealed class BuildMemory
{
    public LoadCache Files { get; } = new();

    /// <summary>
    /// The preview's memory is all it goes by; the build server's also reads and writes the command line's record, so that
    /// a build made without it (or by the preview) since is seen, and a command line build after it starts from its work.
    /// </summary>
    internal bool KeepsNoRecord { get; init; } = true;

    /// <summary>The last written build, while it is the one output/ holds.</summary>
    internal PublishedSite? Last { get; private set; }

    /// <summary>How the last written build was made: "full" or "incremental" (its summary says how many pages it rendered).</summary>
    public string? LastKind { get; private set; }

    /// <summary>Whether a build has used this memory: only the first one starts from the command line's stored work.</summary>
    internal bool Started { get; set; }

    private (string Path, FileStamp Stamp, SiteRecord Record)? _record;

    private Task _background = Task.CompletedTask;

    /// <summary>The mark the output's lock got when the last build changed output/ (<see cref="Publishing.OutputLock.Changing"/>).</summary>
    private string? _mark;

    /// <summary>The last build, if it was made into this output folder and the folder is still there.</summary>
    /// <param name="mark">The output lock's mark of the last change of output/: unless it is this memory's own, another writer changed output/ since.</param>
    internal PublishedSite? LastFor(InputLayout layout, string? mark = null) =>
        Last is { } last && last.Output == layout.Output && Directory.Exists(last.Output) && (mark is null || mark == _mark) ? last : null;

    /// <summary>Drops the last build: another build wrote output/ since, and the record is the truth.</summary>
    internal PublishedSite? Forget() => Last = null;

    /// <summary>
    /// The record this memory's last build wrote or adopted, while its file is still that one (same stamp) and was made
    /// under these options: not read again (53 MB at 100k claims).
    /// </summary>
    internal SiteRecord? OwnRecord(BuildOptions options) =>
        _record is { } mine && mine.Record.Key == SiteRecord.KeyOf(options) && FileStamp.Of(mine.Path) == mine.Stamp ? mine.Record : null;

    /// <summary>Keeps a written build for the next one (null: nothing of it can be trusted), with the output lock's mark of its change.</summary>
    internal void Keep(PublishedSite? site, bool incremental, string? mark = null)
    {
        (Last, LastKind, _mark) = (site, incremental ? "incremental" : "full", mark);
        if (site?.Plan.Context?.PageIndex is { } index)
        {
            AfterBuild(() => _ = index.Value); // the next plan asks the last one's pages by URL
        }
    }

    /// <summary>Notes the record file now describing output/ (written by this memory's build, or adopted by its warm-up).</summary>
    internal void Recorded(InputLayout layout, SiteRecord record, FileStamp stamp) => _record = (SiteRecord.PathFor(layout), stamp, record);

    /// <summary>Deletes, after the build that replaced them has reported, the files it replaced.</summary>
    internal void Retire(string folder) => AfterBuild(() => DeleteQuietly(folder));

    /// <summary>
    /// Work a build leaves for the time the process waits for the next one (writing the build server's record, deleting
    /// the files a build replaced, indexing its plan's pages), one piece after the other, off the path of the next build.
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
    /// Waits for the last build's work left for later: before the next build, and when the process stops. A failure of
    /// that work (the build server's record) is thrown here, once.
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
