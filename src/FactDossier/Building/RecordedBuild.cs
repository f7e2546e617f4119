using FactDossier.Diagnostics;
using FactDossier.Model;
using FactDossier.Planning;
using FactDossier.Publishing;

namespace FactDossier.Building;

/// <summary>
/// The command line's memory between runs: the <see cref="SiteRecord"/> the last build left, the stamps of the input
/// now, and from these, before anything is read, whether anything changed and which claims did.
/// </summary>
internal sealed class RecordedBuild
{
    private readonly BuildOptions _options;
    private readonly Dictionary<string, FileStamp> _inputs;
    private readonly HashSet<string>? _changed;

    private RecordedBuild(BuildOptions options, SiteRecord? record, Dictionary<string, FileStamp> inputs, IReadOnlySet<string> damaged)
    {
        _options = options;
        Record = record;
        _inputs = inputs;
        Damaged = damaged;
        _changed = record is null ? null : InputStamps.Changed(record.Inputs, inputs);
    }

    /// <summary>Finishes a killed build's commit, then reads the record (if it still describes output/) and stamps the input.</summary>
    /// <param name="recover">False for the build server's warm-up, which must not write output/ on its own (a journal left
    /// means no record, and so nothing it could adopt).</param>
    /// <param name="known">The record as the build server wrote it, if the file is still that one: not read again.</param>
    public static RecordedBuild Take(BuildOptions options, bool recover = true, Func<SiteRecord?>? known = null)
    {
        var output = options.Layout.Output;
        if (recover)
        {
            StagedOutputFolder.Recover(output);
        }

        var record = Directory.Exists(output) ? known?.Invoke() ?? SiteRecord.Read(options) : null;
        var inputs = InputStamps.Take(options.Layout, record?.Inputs.Keys ?? []);
        return new RecordedBuild(options, record, inputs, record?.DamagedOutputs(output) ?? new HashSet<string>());
    }

    public SiteRecord? Record { get; }

    /// <summary>The files of output/ that are no longer as the last build left them: written again.</summary>
    public IReadOnlySet<string> Damaged { get; }

    /// <summary>No input file came, went or changed, and output/ is as it was left: the last build stands.</summary>
    public bool NothingChanged => Record is not null && _changed!.Count == 0 && Damaged.Count == 0;

    /// <summary>The last build as this one sees it, with the claims that changed when nothing but claim files did.</summary>
    /// <param name="everyPage">Render every page whatever changed (the build server's first build, which reads every page's links).</param>
    public PreviousSite? Previous(Dossier dossier, bool everyPage = false) =>
        Record is null ? null : PreviousSite.Of(Record, everyPage ? null : ChangedClaims(dossier), Damaged);

    private HashSet<string>? ChangedClaims(Dossier dossier)
    {
        var claims = Path.Combine(_options.Layout.Input, "claims") + Path.DirectorySeparatorChar;
        var onlyEditedClaims = _changed!.All(path =>
            path.StartsWith(claims, StringComparison.Ordinal) && path.EndsWith(".yml", StringComparison.Ordinal)
            && Record!.Inputs.ContainsKey(path) && _inputs.ContainsKey(path));
        if (!onlyEditedClaims)
        {
            return null;
        }

        // As the preview does: a claim whose tag is now on more or fewer claims shows another count.
        var tags = TagCounts(dossier);
        return dossier.Claims
            .Where(c => _changed!.Contains(_options.Layout.FromRoot(c.Path)) || c.Tags.Any(t => Record!.TagCounts.GetValueOrDefault(t) != tags[t]))
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, int> TagCounts(Dossier dossier) =>
        dossier.Claims.SelectMany(c => c.Tags).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Writes the record of the build just published: what it read, each page, and every file of output/.</summary>
    /// <summary>
    /// The stamps of the files the build wrote, taken once they are in place and before the command returns: a record
    /// written later (the build server's) must not take a file changed since for the build's own.
    /// </summary>
    public IReadOnlyDictionary<string, FileStamp> StampWritten(ChangedFilesWriter writer)
    {
        var stamps = new Dictionary<string, FileStamp>(writer.Written.Count, StringComparer.Ordinal);
        foreach (var path in writer.Written.Keys)
        {
            if (FileStamp.Of(Path.Combine(_options.Layout.Output, path)) is { } stamp)
            {
                stamps[path] = stamp;
            }
        }

        return stamps;
    }

    /// <param name="writtenStamps">From <see cref="StampWritten"/>.</param>
    /// <returns>The record written, and the stamp of its file.</returns>
    public (SiteRecord Record, FileStamp Stamp) Remember(Dossier dossier, SitePlan plan, IReadOnlyDictionary<string, LinkChecker.PageLinks> links, ChangedFilesWriter writer,
        IReadOnlyDictionary<string, FileStamp> writtenStamps, IReadOnlySet<string> made, IEnumerable<Diagnostic> diagnostics, BuildStats stats)
    {
        var inputs = new Dictionary<string, FileStamp>(_inputs, StringComparer.Ordinal);
        foreach (var seed in dossier.Articles.Select(a => _options.Layout.FromRoot(a.SeedPath)).Where(p => !inputs.ContainsKey(p)))
        {
            if (FileStamp.Of(seed) is { } stamp)
            {
                inputs[seed] = stamp;
            }
        }

        var pages = plan.Pages.ToDictionary(p => p.OutputPath, p => new RecordedPage(p.Shows, p.Signature, links[p.OutputPath].Ids), StringComparer.Ordinal);
        var outputs = new Dictionary<string, OutputFile>(made.Count, StringComparer.Ordinal);
        foreach (var path in made)
        {
            if (!writer.Written.ContainsKey(path) && Record?.Outputs.TryGetValue(path, out var kept) == true)
            {
                outputs[path] = kept; // not written: as it was
            }
            else if (writtenStamps.GetValueOrDefault(path) is { } stamp)
            {
                outputs[path] = new OutputFile(stamp, writer.Hashes[path]);
            }
        }

        var record = new SiteRecord(SiteRecord.KeyOf(_options), inputs, pages, outputs, [.. diagnostics.Where(d => !d.IsError)], stats with { Stages = [], Cache = null })
        {
            TagCounts = TagCounts(dossier),
        };
        return (record, record.Write(_options.Layout));
    }
}
