using System.Buffers;
using System.Collections.Concurrent;
using FactDossier.Editing;
using FactDossier.Loading;
using FactDossier.Planning;

namespace FactDossier.Publishing;

/// <summary>The site's files that are not pages: the plan's data files and the theme's assets.</summary>
internal static class SiteFiles
{
    // Most pages fit in one write; the few large lists (home, timeline) go out in pieces instead of one page-sized buffer.
    public const int WriteBufferSize = 256 * 1024;

    /// <summary>Writes the data files and the theme's assets; returns every path they and the share images take, for the link check.</summary>
    /// <param name="last">The last build's data files and other files, when its theme and settings are this one's: only the data files that changed are written.</param>
    public static HashSet<string> Write(SitePlan plan, InputLayout layout, ChangedFilesWriter writer, (IReadOnlyList<DataFile> Files, IReadOnlySet<string> Others)? last)
    {
        var written = plan.ShareCards.Select(c => c.OutputPath).Concat(plan.Files.Select(f => f.OutputPath)).ToHashSet(StringComparer.Ordinal);
        if (last is { } before)
        {
            var old = before.Files.ToDictionary(f => f.OutputPath, StringComparer.Ordinal);
            // Side by side, the largest first: after one edit, claims.json and the feed (18 MB at 10k claims) and a few
            // files of the search index.
            var changed = plan.Files.Where(f => !old.TryGetValue(f.OutputPath, out var then) || !f.HasSameTextAs(then)).OrderByDescending(f => f.Length);
            Parallel.ForEach(Partitioner.Create(changed, EnumerablePartitionerOptions.NoBuffering), file => WriteText(writer, file, changed: true));
            written.UnionWith(before.Others.Where(f => f.StartsWith("assets/", StringComparison.Ordinal) || f.StartsWith(EditorFiles.Folder, StringComparison.Ordinal)));
            return written;
        }

        foreach (var file in plan.Files)
        {
            WriteText(writer, file);
        }

        CopyThemeFolder(layout, "assets/", writer, written);
        if (plan.Files.Any(f => f.OutputPath == EditorFiles.ConfigPath))
        {
            CopyThemeFolder(layout, EditorFiles.Folder, writer, written,
                (path, bytes) => path.EndsWith(".html", StringComparison.Ordinal) ? EditorPage.InLanguage(bytes, plan.Site.Language) : bytes);
        }

        return written;
    }

    /// <summary>A page's text as UTF-8, through one pooled buffer.</summary>
    public static void Write(ChangedFilesWriter writer, string outputPath, Rendering.PageWriter page)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WriteBufferSize);
        try
        {
            writer.Write(outputPath, page.Utf8Chunks(buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // claims.json is 1.4 KB per claim: encoded piece by piece into a small buffer, not into one array the size of the file.
    /// <param name="changed">Whether its text is known to differ from what the last build wrote.</param>
    private static void WriteText(ChangedFilesWriter writer, DataFile file, bool changed = false)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WriteBufferSize);
        try
        {
            if (changed)
            {
                writer.WriteChanged(file.OutputPath, Utf8Chunks(file.Pieces, buffer));
            }
            else
            {
                writer.Write(file.OutputPath, Utf8Chunks(file.Pieces, buffer));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Utf8Chunks(IReadOnlyList<string> pieces, byte[] buffer)
    {
        var used = 0;
        foreach (var piece in pieces)
        {
            for (var from = 0; from < piece.Length;)
            {
                System.Text.Unicode.Utf8.FromUtf16(piece.AsSpan(from), buffer.AsSpan(used), out var read, out var written);
                from += read;
                used += written;
                if (from < piece.Length)
                {
                    yield return buffer.AsMemory(0, used);
                    used = 0;
                }
            }
        }

        if (used > 0)
        {
            yield return buffer.AsMemory(0, used);
        }
    }

    /// <summary>A folder of the theme, as it is (or as <paramref name="adapt"/> makes each file), to the same folder of the site.</summary>
    private static void CopyThemeFolder(InputLayout layout, string folder, ChangedFilesWriter writer, HashSet<string> written, Func<string, byte[], byte[]>? adapt = null)
    {
        var from = Path.Combine(layout.Theme, folder);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = folder + Path.GetRelativePath(from, file).Replace('\\', '/');
            var bytes = File.ReadAllBytes(file);
            writer.Write(relative, adapt?.Invoke(relative, bytes) ?? bytes);
            written.Add(relative);
        }
    }
}
