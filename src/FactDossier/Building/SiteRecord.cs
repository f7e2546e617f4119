using System.Collections.Frozen;
using System.IO.Hashing;
using FactDossier.Caching;
using FactDossier.Coverage;
using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Building;

/// <summary>A file's length and modification time: a file with the same stamp is taken to hold the same bytes (as make and Hugo do).</summary>
internal readonly record struct FileStamp(long Length, long Ticks)
{
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}

/// <summary>A file the build wrote into the output folder: its stamp once written, and a hash of its bytes.</summary>
internal readonly record struct OutputFile(FileStamp Stamp, UInt128 Hash);

/// <summary>What decides whether a page must be rendered again (as <see cref="Planning.PagePlan"/> says it), and the ids it offers to links.</summary>
internal sealed record RecordedPage(IReadOnlySet<string>? Shows, string? Signature, IReadOnlySet<string> Ids);

/// <summary>
/// What the last command-line build published, kept between runs under <c>.cache/factdossier/</c>: the stamp of every
/// file it read, each page's render-again facts and ids, the hash and stamp of every file it wrote, and its warnings.
/// With it the next run knows, before reading anything, whether nothing changed (and then writes nothing), or which
/// claims did (and then renders only the pages that show them), and writes only the files whose bytes changed. A
/// missing, unreadable or stale record (another version of the tool, other options) means a full build.
/// </summary>
internal sealed record SiteRecord(
    string Key,
    IReadOnlyDictionary<string, FileStamp> Inputs,
    IReadOnlyDictionary<string, RecordedPage> Pages,
    IReadOnlyDictionary<string, OutputFile> Outputs,
    IReadOnlyList<Diagnostic> Warnings,
    BuildStats Stats)
{
    /// <summary>How many claims carry each tag: every claim's view shows its tags' counts, so a claim whose tag count changed changed too.</summary>
    public IReadOnlyDictionary<string, int> TagCounts { get; init; } = new Dictionary<string, int>();

    private const string Magic = "FactDossier site record";
    private const int FormatVersion = 4;

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
        return CheckedFile.ReadModel(PathFor(options.Layout), HeaderOf(key), reader => ReadRecord(reader, key));
    }

    /// <summary>Written whole under a temporary name and then renamed: a reader finds the old record, the new one, or none.</summary>
    /// <returns>The stamp of the file as this record wrote it.</returns>
    public FileStamp Write(InputLayout layout)
    {
        var (length, written) = CheckedFile.WriteModel(PathFor(layout), HeaderOf(Key), WriteRecord);
        return new FileStamp(length, written.Ticks);
    }

    private static string HeaderOf(string key) => $"{Magic} {FormatVersion}|{key}";

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

    private void WriteRecord(ModelWriter writer)
    {
        writer.All(Inputs.OrderBy(i => i.Key, StringComparer.Ordinal), input =>
        {
            writer.Text(input.Key);
            WriteStamp(writer, input.Value);
        });
        writer.All(Pages.OrderBy(p => p.Key, StringComparer.Ordinal), page =>
        {
            writer.Text(page.Key);
            writer.Bool(page.Value.Shows is not null);
            if (page.Value.Shows is { } shows)
            {
                writer.All(shows.Order(StringComparer.Ordinal), writer.Name);
            }

            writer.OptionalText(page.Value.Signature);
            writer.All(page.Value.Ids.Order(StringComparer.Ordinal), writer.Name);
        });
        writer.All(Outputs.OrderBy(o => o.Key, StringComparer.Ordinal), output =>
        {
            writer.Text(output.Key);
            WriteStamp(writer, output.Value.Stamp);
            writer.Hash(output.Value.Hash);
        });
        writer.All(Warnings, writer.Diagnostic);
        writer.All(TagCounts.OrderBy(t => t.Key, StringComparer.Ordinal), tag =>
        {
            writer.Name(tag.Key);
            writer.Int(tag.Value);
        });
        writer.All([Stats.Articles, Stats.Claims, Stats.Quotes, Stats.QuotesAnchored, Stats.Pages, Stats.Files], writer.Int);
        writer.All(Stats.Coverage, c =>
        {
            writer.Name(c.ArticleId);
            writer.All([c.Passages, c.Covered, c.NotChecked], writer.Int);
        });
    }

    private static SiteRecord ReadRecord(ModelReader reader, string key)
    {
        var inputs = reader.All(() => (Path: reader.Text(), Stamp: ReadStamp(reader))).ToDictionary(i => i.Path, i => i.Stamp, StringComparer.Ordinal);
        var pages = reader.All(() =>
        {
            var path = reader.Text();
            IReadOnlySet<string>? shows = reader.Bool() ? reader.All(reader.Name).ToHashSet(StringComparer.Ordinal) : null;
            var signature = reader.OptionalText();
            var ids = reader.All(reader.Name).ToHashSet(StringComparer.Ordinal);
            return (Path: path, Page: new RecordedPage(shows, signature, ids));
        }).ToDictionary(p => p.Path, p => p.Page, StringComparer.Ordinal);
        var outputs = reader.All(() => (Path: reader.Text(), File: new OutputFile(ReadStamp(reader), reader.Hash())))
            .ToDictionary(o => o.Path, o => o.File, StringComparer.Ordinal);
        var warnings = reader.All(reader.Diagnostic);
        var tags = reader.All(() => (Tag: reader.Name(), Count: reader.Int())).ToDictionary(t => t.Tag, t => t.Count, StringComparer.Ordinal);
        var n = reader.All(reader.Int);
        if (n.Count != 6)
        {
            throw new FormatException("not the numbers of a build");
        }

        var coverage = reader.All(() => (Article: reader.Name(), Counts: reader.All(reader.Int)))
            .Select(c => c.Counts is [var passages, var covered, var notChecked] ? new ArticleCoverage(c.Article, passages, covered, notChecked) : throw new FormatException("not an article's coverage"));
        return new SiteRecord(key, inputs, pages, outputs, warnings, new BuildStats(n[0], n[1], n[2], n[3], n[4], n[5], []) { Coverage = [.. coverage] }) { TagCounts = tags };
    }

    private static void WriteStamp(ModelWriter writer, FileStamp stamp)
    {
        writer.Long(stamp.Length);
        writer.Long(stamp.Ticks);
    }

    private static FileStamp ReadStamp(ModelReader reader) => new(reader.Long(), reader.Long());
}
