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

    private static string HeaderOf(string name) => $"{Magic}|{name}|{CheckedFile.ToolBuild}";

    public static Memo<T> Open<T>(InputLayout layout, string name, Func<ModelReader, T> read)
        where T : class =>
        new(CheckedFile.ReadModel(PathFor(layout, name), HeaderOf(name), reader =>
        {
            var count = reader.Int();
            var known = new Dictionary<UInt128, T>(Math.Min(count, 1 << 20));
            for (var i = 0; i < count; i++)
            {
                known[reader.Hash()] = read(reader);
            }

            return known;
        }));

    /// <summary>Writes the results this build used, when they differ from those the memo was opened with.</summary>
    public static void Save<T>(InputLayout layout, string name, Memo<T> memo, Action<ModelWriter, T> write)
        where T : class
    {
        if (memo.Changed)
        {
            CheckedFile.WriteModel(PathFor(layout, name), HeaderOf(name), writer => writer.All(memo.Used.OrderBy(e => e.Key), entry =>
            {
                writer.Hash(entry.Key);
                write(writer, entry.Value);
            }));
        }
    }
}
