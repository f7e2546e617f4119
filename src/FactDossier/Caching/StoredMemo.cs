using FactDossier.Loading;

namespace FactDossier.Caching;

/// <summary>
/// A <see cref="Memo{T}"/> kept between command-line runs in <c>.cache/factdossier/&lt;name&gt;.bin</c>, for this
/// build of the tool only: its hashes cover everything else a result depends on. A missing, damaged or stale file is
/// an empty memo.
/// </summary>
internal static class StoredMemo
{
    private const string Magic = "FactDossier memo";

    public static string PathFor(InputLayout layout, string name) => Path.Combine(layout.Root, ".cache", "factdossier", name + ".bin");

    private static string KeyOf(string name) => $"{name}|{CheckedFile.ToolBuild}";

    public static Memo<T> Open<T>(InputLayout layout, string name, Func<ModelReader, T> read)
        where T : class
    {
        var contents = CheckedFile.Read(PathFor(layout, name));
        if (contents is null)
        {
            return new Memo<T>();
        }

        try
        {
            var reader = new ModelReader(contents.Value);
            if (reader.Text() != Magic || reader.Text() != KeyOf(name))
            {
                return new Memo<T>();
            }

            var count = reader.Int();
            var known = new Dictionary<UInt128, T>(Math.Min(count, 1 << 20));
            for (var i = 0; i < count; i++)
            {
                known[reader.Hash()] = read(reader);
            }

            return reader.AtEnd ? new Memo<T>(known) : new Memo<T>();
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return new Memo<T>();
        }
    }

    /// <summary>Writes the results this build used, when they differ from those the memo was opened with.</summary>
    public static void Save<T>(InputLayout layout, string name, Memo<T> memo, Action<ModelWriter, T> write)
        where T : class
    {
        if (!memo.Changed)
        {
            return;
        }

        CheckedFile.Write(PathFor(layout, name), stream =>
        {
            using var writer = new ModelWriter(stream);
            writer.Text(Magic);
            writer.Text(KeyOf(name));
            writer.All(memo.Used.OrderBy(e => e.Key), entry =>
            {
                writer.Hash(entry.Key);
                write(writer, entry.Value);
            });
        });
    }
}
