using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Caching;

/// <summary>
/// The preview's <see cref="LoadCache"/>, kept between command-line runs in <c>.cache/factdossier/files.bin</c>: what
/// reading each claim, person and source file gave (the record, and the file's warnings), with the file's size and
/// modification time. A later run reads again only the files whose stamp changed, as make and Hugo judge a file. A
/// missing, damaged or stale cache (another build of the tool, another project folder) is an empty one.
/// </summary>
internal static class StoredLoadCache
{
    private const string Magic = "FactDossier files";

    public static string PathFor(InputLayout layout) => Path.Combine(layout.Root, ".cache", "factdossier", "files.bin");

    private static string HeaderOf(InputLayout layout) => $"{Magic}|{CheckedFile.ToolBuild}|{layout.Root}|{layout.Input}";

    /// <param name="into">The preview's cache, filled before its first build; else a new one.</param>
    public static LoadCache Open(InputLayout layout, LoadCache? into = null)
    {
        var cache = into ?? new LoadCache();
        cache.Expect(null); // restored entries are checked by their stamps: a watcher's word says nothing of them
        var entries = CheckedFile.ReadModel(PathFor(layout), HeaderOf(layout), reader => reader.All(() =>
        {
            var path = reader.Text();
            var length = reader.Long();
            var modified = new DateTime(reader.Long(), DateTimeKind.Utc);
            var diagnostics = reader.All(reader.Diagnostic);
            object value = reader.Int() switch
            {
                0 => reader.Claim(),
                1 => reader.Person(),
                2 => reader.Source(),
                _ => throw new FormatException("an unknown kind of file"),
            };
            return (Path: path, Length: length, Modified: modified, Value: value, Diagnostics: diagnostics);
        }));
        foreach (var entry in entries ?? []) // restored only once all were read: nothing of a damaged file is trusted
        {
            cache.Restore(entry.Path, entry.Length, entry.Modified, entry.Value, entry.Diagnostics);
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

        CheckedFile.WriteModel(PathFor(layout), HeaderOf(layout), writer =>
        {
            writer.All(kept, entry =>
            {
                writer.Text(entry.Path);
                writer.Long(entry.Length);
                writer.Long(entry.Modified.Ticks);
                writer.All(entry.Diagnostics, writer.Diagnostic);
                switch (entry.Value)
                {
                    case Claim claim:
                        writer.Int(0);
                        writer.Claim(claim);
                        break;
                    case Person person:
                        writer.Int(1);
                        writer.Person(person);
                        break;
                    case Source source:
                        writer.Int(2);
                        writer.Source(source);
                        break;
                }
            });
        });
    }
}
