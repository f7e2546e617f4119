using System.Collections.Frozen;
using System.IO.Hashing;
using FactDossier.Caching;
using FactDossier.Diagnostics;
using FactDossier.Loading;
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

/// <summary>What decides whether a page must be rendered again (as <see cref="Planning.PagePlan"/> says it), and the ids it offers to links.</summary>
[MemoryPackable]
internal sealed partial record RecordedPage(IReadOnlySet<string>? Shows, string? Signature, IReadOnlySet<string> Ids);

/// <summary>
/// What the last command-line build published, kept between runs under <c>.cache/factdossier/</c>: the stamp of every
/// file it read, each page's render-again facts and ids, the hash and stamp of every file it wrote, and its warnings.
/// With it the next run knows, before reading anything, whether nothing changed (and then writes nothing), or which
/// claims did (and then renders only the pages that show them), and writes only the files whose bytes changed. A
/// missing, unreadable or stale record (another version of the tool, other options) means a full build.
/// </summary>
[MemoryPackable]
internal sealed partial record SiteRecord(
    string Key,
    IReadOnlyDictionary<string, FileStamp> Inputs,
    IReadOnlyDictionary<string, RecordedPage> Pages,
    IReadOnlyDictionary<string, OutputFile> Outputs,
    IReadOnlyList<Diagnostic> Warnings,
    BuildStats Stats)
{
    /// <summary>How many claims carry each tag: every claim's view shows its tags' counts, so a claim whose tag count changed changed too.</summary>
    public IReadOnlyDictionary<string, int> TagCounts { get; init; } = new Dictionary<string, int>();


    /// <summary>The tool's own build and the options that change the output: a record made under other ones is not used.</summary>
    public static string KeyOf(BuildOptions options) =>
        $"{CheckedFile.ToolBuild}|{options.BasePath}|{options.BaseUrl}|{options.Strict}|{options.Layout.Output}";

    /// <summary>The record's file: one per output folder, under the project root's cache.</summary>
    public static string PathFor(InputLayout layout)
    {
        var output = System.Text.Encoding.UTF8.GetBytes(layout.Output);
        return Path.Combine(layout.Root, ".cache", "factdossier", $"site-{XxHash3.HashToUInt64(output):x16}.bin");
    }

    /// <summary>The record left for these options, or null when there is none or it cannot be trusted (missing, damaged, or made under others).</summary>
    public static SiteRecord? Read(BuildOptions options)
    {
        var key = KeyOf(options);
        return CheckedFile.Read<SiteRecord>(PathFor(options.Layout), HeaderOf(key)) is { } record && record.Key == key ? record : null;
    }

    /// <summary>Written whole under a temporary name and then renamed: a reader finds the old record, the new one, or none.</summary>
    /// <returns>The stamp of the file as this record wrote it.</returns>
    public FileStamp Write(InputLayout layout)
    {
        var (length, written) = CheckedFile.Write(PathFor(layout), HeaderOf(Key), this);
        return new FileStamp(length, written.Ticks);
    }

    private static string HeaderOf(string key) => $"FactDossier site record|{key}";

    /// <summary>Removed before the output changes, so that a build killed midway leaves no record that no longer describes it.</summary>
    public static void Delete(InputLayout layout)
    {
        if (File.Exists(PathFor(layout)))
        {
            File.Delete(PathFor(layout));
        }
    }

    /// <summary>The recorded output files that are no longer as this record left them (deleted, or changed by hand).</summary>
    public IReadOnlySet<string> DamagedOutputs(string output)
    {
        var damaged = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(Outputs, file =>
        {
            if (FileStamp.Of(Path.Combine(output, file.Key)) != file.Value.Stamp)
            {
                damaged.Add(file.Key);
            }
        });
        return damaged.ToFrozenSet(StringComparer.Ordinal);
    }
}
