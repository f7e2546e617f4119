using System.Collections.Frozen;
using System.IO.Hashing;
using FactDossier.Caching;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Planning;
using FactDossier.Publishing;
using MemoryPack;

namespace FactDossier.Building;

/// <summary>A file's length and modification time: a file with the same stamp is taken to hold the same bytes (as make and Hugo do).</summary>
[MemoryPackable]
internal readonly partial record struct FileStamp(long Length, long Ticks)
{
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}

/// <summary>A file the build wrote into the output folder: its stamp once written, and a hash of its bytes.</summary>
[MemoryPackable]
internal readonly partial record struct OutputFile(FileStamp Stamp, UInt128 Hash);

/// <summary>What decides whether a page must be rendered again (as <see cref="PagePlan"/> says it), and the ids it offers to links.</summary>
[MemoryPackable]
internal sealed partial record RecordedPage([property: PooledSet] IReadOnlySet<string>? Shows, string? Signature, [property: PooledSet] IReadOnlySet<string> Ids);

/// <summary>
/// What the last build published, kept under <c>.cache/factdossier/</c>: the stamp of every file it read, each page's
/// render-again facts and ids, the hash and stamp of every file it wrote, its warnings and tag counts. With it the next
/// run knows, before reading anything, whether nothing changed (and then writes nothing) or what did, and writes only
/// the files whose bytes changed. A missing, damaged or stale record (another build of the tool, other options) means
/// a full build. It is deleted before output/ changes and written after, so no record ever describes another site.
/// </summary>
[MemoryPackable]
internal sealed partial record SiteRecord(
    string Key,
    IReadOnlyDictionary<string, FileStamp> Inputs,
    IReadOnlyDictionary<string, RecordedPage> Pages,
    IReadOnlyDictionary<string, OutputFile> Outputs,
    IReadOnlyList<Diagnostic> Warnings,
    BuildStats Stats,
    IReadOnlyDictionary<string, int> TagCounts)
{
    /// <summary>The tool's own build and the options that change the output: a record made under other ones is not used.</summary>
    public static string KeyOf(BuildOptions options) =>
        $"{CheckedFile.ToolBuild}|{options.BasePath}|{options.BaseUrl}|{options.Strict}|{options.Layout.Output}";

    /// <summary>The record's file: one per output folder, under the project root's cache.</summary>
    public static string PathFor(InputLayout layout)
    {
        var output = System.Text.Encoding.UTF8.GetBytes(layout.Output);
        return Path.Combine(layout.Root, ".cache", "factdossier", $"site-{XxHash3.HashToUInt64(output):x16}.bin");
    }

    /// <summary>The record left for these options, or null when there is none or it cannot be trusted.</summary>
    public static SiteRecord? Read(BuildOptions options)
    {
        var key = KeyOf(options);
        return CheckedFile.Read<SiteRecord>(PathFor(options.Layout), $"FactDossier site record|{key}") is { } record && record.Key == key ? record : null;
    }

    /// <summary>Written whole under a temporary name and then renamed: a reader finds the old record, the new one, or none.</summary>
    /// <returns>The stamp of the file as this record wrote it.</returns>
    public FileStamp Write(InputLayout layout)
    {
        using var staged = WriteAside(layout);
        return staged.PutInPlace();
    }

    /// <summary>
    /// Written whole under a temporary name, to be renamed into place once output/ has changed: what takes disk space
    /// is written before output/ changes, so a full disk fails the build with output/ and the last record as they were.
    /// </summary>
    public StagedRecord WriteAside(InputLayout layout)
    {
        var (temporary, length, written) = CheckedFile.WriteAside(PathFor(layout), $"FactDossier site record|{Key}", this);
        return new StagedRecord(temporary, PathFor(layout), new FileStamp(length, written.Ticks));
    }

    public static void Delete(InputLayout layout)
    {
        if (File.Exists(PathFor(layout)))
        {
            File.Delete(PathFor(layout));
        }
    }

    /// <summary>The recorded output files that are no longer as this record left them (deleted, or changed by hand).</summary>
    public IReadOnlySet<string> DamagedOutputs(string output) =>
        Outputs.AsParallel().Where(file => FileStamp.Of(Path.Combine(output, file.Key)) != file.Value.Stamp).Select(file => file.Key).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The stamp of every file a build may read (input/, seeds/, the theme, and any other file the last build read),
    /// taken before it reads anything: a file saved while it runs is seen as changed by the next one.
    /// </summary>
    public static Dictionary<string, FileStamp> StampInputs(InputLayout layout, IEnumerable<string> alsoRead)
    {
        var paths = new[] { layout.Input, Path.Combine(layout.Root, "seeds"), layout.Theme }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Concat(alsoRead)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return Stamp(paths);
    }

    /// <summary>
    /// The stamps of the files a build wrote, taken where they are staged (moving them into output/ keeps them): a file
    /// changed once in place is damaged.
    /// </summary>
    public static Dictionary<string, FileStamp> StampWritten(StagedOutputFolder staging, ChangedFilesWriter writer) =>
        Stamp([.. writer.Written.Keys], staging.StagedPathOf);

    private static Dictionary<string, FileStamp> Stamp(string[] paths, Func<string, string>? fullPath = null)
    {
        var stamps = new FileStamp?[paths.Length];
        Parallel.For(0, paths.Length, i => stamps[i] = FileStamp.Of(fullPath?.Invoke(paths[i]) ?? paths[i]));
        return Enumerable.Range(0, paths.Length).Where(i => stamps[i] is not null).ToDictionary(i => paths[i], i => stamps[i]!.Value, StringComparer.Ordinal);
    }

    /// <summary>Every path whose stamp differs between the two, or that only one of them has.</summary>
    public static HashSet<string> Changed(IReadOnlyDictionary<string, FileStamp> before, IReadOnlyDictionary<string, FileStamp> now)
    {
        var changed = now.Where(i => before.GetValueOrDefault(i.Key) != i.Value).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        changed.UnionWith(before.Keys.Where(p => !now.ContainsKey(p)));
        return changed;
    }

    /// <summary>The record of a build just published: what it read, each page, and every file of output/.</summary>
    /// <param name="previous">The record the build started from: the files it did not write are as that one says.</param>
    public static SiteRecord Of(BuildOptions options, IReadOnlyDictionary<string, FileStamp> inputs, PublishedSite site, SiteRecord? previous,
        IReadOnlyDictionary<string, FileStamp> written, IEnumerable<Diagnostic> diagnostics, BuildStats stats)
    {
        var pages = site.Plan.Pages.ToDictionary(p => p.OutputPath, p => new RecordedPage(p.Shows, p.Signature, site.Links[p.OutputPath].Ids), StringComparer.Ordinal);
        var outputs = new Dictionary<string, OutputFile>(site.Made.Count, StringComparer.Ordinal);
        foreach (var path in site.Made)
        {
            if (!site.Writer.Written.ContainsKey(path) && previous?.Outputs.TryGetValue(path, out var kept) == true)
            {
                outputs[path] = kept; // not written: as it was
            }
            else if (written.GetValueOrDefault(path) is { } stamp)
            {
                outputs[path] = new OutputFile(stamp, site.Writer.Hashes[path]);
            }
        }

        return new SiteRecord(KeyOf(options), WithSeeds(options.Layout, inputs, site), pages, outputs, [.. diagnostics.Where(d => !d.IsError)],
            stats with { Stages = [], Cache = null }, site.TagCounts);
    }

    /// <summary>The input's stamps, with those of the seeds the articles name outside <c>seeds/</c>.</summary>
    private static Dictionary<string, FileStamp> WithSeeds(InputLayout layout, IReadOnlyDictionary<string, FileStamp> inputs, PublishedSite site)
    {
        var all = new Dictionary<string, FileStamp>(inputs, StringComparer.Ordinal);
        foreach (var seed in site.Loaded.Articles.Select(a => layout.FromRoot(a.SeedPath)).Where(p => !all.ContainsKey(p)))
        {
            if (FileStamp.Of(seed) is { } stamp)
            {
                all[seed] = stamp;
            }
        }

        return all;
    }
}

/// <summary>A record written under a temporary name beside its place: put in place, or deleted when the build fails first.</summary>
internal sealed class StagedRecord(string temporary, string path, FileStamp stamp) : IDisposable
{
    private bool _placed;

    /// <returns>The stamp of the record's file (a rename keeps it).</returns>
    public FileStamp PutInPlace()
    {
        File.Move(temporary, path, overwrite: true);
        _placed = true;
        return stamp;
    }

    public void Dispose()
    {
        if (!_placed)
        {
            File.Delete(temporary);
        }
    }
}
