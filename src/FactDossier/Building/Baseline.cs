using FactDossier.Anchoring;
using FactDossier.Caching;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Publishing;

namespace FactDossier.Building;

/// <summary>
/// What the last build left for this one, resolved once before the stages: nothing (a first build, <c>check</c>); the
/// record and the stored work on disk (the command line); or the memory of a preview or build server, used only while
/// it describes what output/ holds. The stages ask it; they do not know which kind it is.
/// </summary>
internal sealed class Baseline : IDisposable
{
    private readonly BuildOptions _options;
    private readonly Dictionary<string, FileStamp>? _inputs;
    private readonly HashSet<string>? _changed;

    private Baseline(BuildOptions options, SiteRecord? record, Dictionary<string, FileStamp>? inputs, IReadOnlySet<string> damaged, PublishedSite? last,
        LoadCache? files, StoredWork? stored)
    {
        (_options, Record, _inputs, Damaged, Last, Files, Stored) = (options, record, inputs, damaged, last, files, stored);
        _changed = record is null ? null : SiteRecord.Changed(record.Inputs, inputs!);
    }

    /// <summary>What output/ holds, as the last build recorded it (null: unknown, or the preview, which keeps no record).</summary>
    public SiteRecord? Record { get; }

    /// <summary>The recorded files of output/ that are no longer as the last build left them: written again.</summary>
    public IReadOnlySet<string> Damaged { get; }

    /// <summary>The last build in this process's memory, when it still describes output/.</summary>
    public PublishedSite? Last { get; }

    /// <summary>What the load reads through: unchanged files are not read again.</summary>
    public LoadCache? Files { get; }

    /// <summary>Markdown's HTML and the articles' anchors by the hash of what they are made from, kept on disk.</summary>
    public StoredWork? Stored { get; }

    /// <summary>No input file came, went or changed, and output/ is as it was left: the last build stands.</summary>
    public bool NothingChanged => _changed is { Count: 0 } && Damaged.Count == 0;

    /// <summary>What each file of output/ holds, as far as known: the writer leaves a file alone when its bytes are these.</summary>
    public IReadOnlyDictionary<string, OutputFile>? Outputs => Record?.Outputs ?? Last?.ShareCards;

    /// <summary>
    /// Resolves the baseline: finishes a killed build's commit, reads the record and stamps the input (the command line,
    /// the build server), opens the stored work (the command line, a preview's first build), and keeps the process's
    /// memory only while it describes output/.
    /// </summary>
    /// <param name="warmUp">The build server's first build: it writes nothing, so it neither finishes a journal nor saves the stored work.</param>
    /// <param name="mark">The output lock's mark of the last change of output/: the preview's memory stands only if it made that change.</param>
    public static Baseline Resolve(BuildOptions options, BuildMemory? memory, bool warmUp = false, string? mark = null)
    {
        var (layout, write) = (options.Layout, options.Write);
        var stored = write && memory?.Started != true ? new StoredWork(layout, memory?.Files, save: !warmUp) : null;
        memory?.Started = true;
        var replayed = write && !warmUp && StagedOutputFolder.Recover(layout.Output); // a killed writer's change, finished
        if (!write || memory is { KeepsNoRecord: true })
        {
            var kept = replayed ? memory?.Forget() : memory?.LastFor(layout, write ? mark : null);
            return new Baseline(options, null, null, new HashSet<string>(), kept, stored?.Files ?? memory?.Files, stored);
        }

        var own = Directory.Exists(layout.Output) ? memory?.OwnRecord(options) : null;
        var record = own ?? (Directory.Exists(layout.Output) ? SiteRecord.Read(options) : null);
        var inputs = SiteRecord.StampInputs(layout, record?.Inputs.Keys ?? []);
        var damaged = record?.DamagedOutputs(layout.Output) ?? new HashSet<string>();
        // The build server's one rule: its memory is the truth while the record on disk is the one it wrote or adopted.
        var last = own is not null && damaged.Count == 0 ? memory!.LastFor(layout) : memory?.Forget();
        return new Baseline(options, record, inputs, damaged, last, stored?.Files ?? memory?.Files, stored);
    }

    /// <summary>What changed since the last build: by the memory's objects, else by the record's stamps, else everything.</summary>
    public Delta DeltaOf(Dossier loaded, ThemeStamp theme)
    {
        if (Last is { } last)
        {
            return last.Theme == theme ? Delta.Between(last.Loaded, last.TagCounts, loaded) : Delta.Everything(loaded);
        }

        if (Record is not { } record)
        {
            return Delta.Everything(loaded);
        }

        var claims = Path.Combine(_options.Layout.Input, "claims") + Path.DirectorySeparatorChar;
        return Delta.FromFiles(_changed!, path => path.StartsWith(claims, StringComparison.Ordinal) && path.EndsWith(".yml", StringComparison.Ordinal)
            && record.Inputs.ContainsKey(path) && _inputs!.ContainsKey(path), c => _options.Layout.FromRoot(c.Path), record.TagCounts, loaded);
    }

    /// <summary>The last build's site as the publishing needs it: which pages to render again, which files are gone.</summary>
    public PreviousSite? Previous(Delta delta) =>
        Last is { } last && delta.OnlyClaims ? PreviousSite.Of(last, delta.Claims!)
        : Record is { } record ? PreviousSite.Of(record, delta.Claims, Damaged)
        : null;

    /// <summary>Whether this build keeps a record of what it publishes (the command line and the build server do).</summary>
    public bool KeepsRecord => _inputs is not null;

    /// <summary>The record of a build just published, with the stamps of the files it wrote (taken once they were in place).</summary>
    public SiteRecord RecordOf(PublishedSite site, IReadOnlyDictionary<string, FileStamp> written, IEnumerable<Diagnostics.Diagnostic> diagnostics, BuildStats stats) =>
        SiteRecord.Of(_options, _inputs!, site, Record, written, diagnostics, stats);

    /// <summary>Whether the input and output/ are still as the record says, now that a build has read them (the warm-up adopts only then).</summary>
    public bool StillDescribesOutput() =>
        Record is { } record && SiteRecord.Changed(record.Inputs, SiteRecord.StampInputs(_options.Layout, record.Inputs.Keys)).Count == 0
        && record.DamagedOutputs(_options.Layout.Output).Count == 0;

    public void Dispose() => Stored?.Dispose();
}
