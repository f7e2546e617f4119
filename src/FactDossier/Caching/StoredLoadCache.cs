using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using MemoryPack;

namespace FactDossier.Caching;

/// <summary>
/// The preview's <see cref="LoadCache"/>, kept between command-line runs in <c>.cache/factdossier/files.bin</c>: what
/// reading each claim, person and source file gave (the record, and the file's warnings), with the file's size and
/// modification time. A later run reads again only the files whose stamp changed, as make and Hugo judge a file. A
/// missing, damaged or stale cache (another build of the tool, another project folder) is an empty one.
/// </summary>
internal static class StoredLoadCache
{
    public static string PathFor(InputLayout layout) => Path.Combine(layout.Root, ".cache", "factdossier", "files.bin");

    private static string HeaderOf(InputLayout layout) => $"FactDossier files|{CheckedFile.ToolBuild}|{layout.Root}|{layout.Input}";

    /// <param name="into">The preview's cache, filled before its first build; else a new one.</param>
    public static LoadCache Open(InputLayout layout, LoadCache? into = null)
    {
        var cache = into ?? new LoadCache();
        cache.Expect(null); // restored entries are checked by their stamps: a watcher's word says nothing of them
        foreach (var file in CheckedFile.Read<StoredFile[]>(PathFor(layout), HeaderOf(layout)) ?? [])
        {
            if (((object?)file.Claim ?? (object?)file.Person ?? file.Source) is { } value)
            {
                cache.Restore(file.Path, file.Length, new DateTime(file.Ticks, DateTimeKind.Utc), value, file.Diagnostics);
            }
        }

        return cache;
    }

    /// <summary>Writes the files this run asked for, when it read any of them from disk or no longer asks for some it had.</summary>
    public static void Save(InputLayout layout, LoadCache cache)
    {
        var kept = cache.Used().Where(e => e.Value is Claim or Person or Source).ToList();
        if (kept.All(e => e.Stored) && kept.Count == cache.Restored)
        {
            return;
        }

        StoredFile[] files = [.. kept.Select(e => new StoredFile(e.Path, e.Length, e.Modified.Ticks, [.. e.Diagnostics], e.Value as Claim, e.Value as Person, e.Value as Source))];
        CheckedFile.Write(PathFor(layout), HeaderOf(layout), files);
    }
}

/// <summary>One file as loaded: its stamp, its warnings, and the one record it holds.</summary>
[MemoryPackable]
internal sealed partial record StoredFile(string Path, long Length, long Ticks, Diagnostic[] Diagnostics, Claim? Claim, Person? Person, Source? Source);
