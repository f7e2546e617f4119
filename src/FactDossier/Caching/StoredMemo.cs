using FactDossier.Loading;

namespace FactDossier.Caching;

/// <summary>
/// A <see cref="Memo{T}"/> kept between command-line runs in <c>.cache/factdossier/&lt;name&gt;.bin</c>, for this
/// build of the tool only: its hashes cover everything else a result depends on. A missing, damaged or stale file is
/// an empty memo.
/// </summary>
internal static class StoredMemo
{
    public static string PathFor(InputLayout layout, string name) => Path.Combine(layout.Root, ".cache", "factdossier", name + ".bin");

    private static string HeaderOf(string name) => $"FactDossier memo|{name}|{CheckedFile.ToolBuild}";

    public static Memo<T> Open<T>(InputLayout layout, string name)
        where T : class =>
        new(CheckedFile.Read<Dictionary<UInt128, T>>(PathFor(layout, name), HeaderOf(name)));

    /// <summary>Writes the results this build used, when they differ from those the memo was opened with.</summary>
    public static void Save<T>(InputLayout layout, string name, Memo<T> memo)
        where T : class
    {
        if (memo.Changed)
        {
            CheckedFile.Write(PathFor(layout, name), HeaderOf(name), new Dictionary<UInt128, T>(memo.Used));
        }
    }
}
