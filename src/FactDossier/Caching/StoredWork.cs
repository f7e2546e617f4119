using FactDossier.Anchoring;
using FactDossier.Building;
using FactDossier.Loading;

namespace FactDossier.Caching;

/// <summary>
/// What the command line's stages keep between runs in <c>.cache/factdossier/</c>, as the preview keeps it in memory:
/// the loaded files (<see cref="StoredLoadCache"/>), and Markdown's HTML and the articles' anchors as <see cref="Memo{T}"/>s
/// by the hash of what they are made from (for this build of the tool only). Each is opened before its stage and saved,
/// while the build goes on, once its stage has used it; disposing waits for the saves. A missing, damaged or stale file
/// is an empty store. The preview's first build uses them too: it starts as fast as a command-line rebuild.
/// </summary>
internal sealed class StoredWork : IDisposable
{
    private readonly InputLayout _layout;
    private readonly List<Task> _writes = [];
    private readonly Task<Memo<string>> _markdown;
    private readonly bool _save;
    private Memo<QuoteAnchor[]>? _anchors;

    /// <param name="files">The preview's own cache, which its first build fills from the stored one.</param>
    /// <param name="save">False for the build server's warm-up: it reads what the build before it has just saved.</param>
    public StoredWork(InputLayout layout, LoadCache? files = null, bool save = true)
    {
        (_layout, _save) = (layout, save);
        Files = StoredLoadCache.Open(layout, files);
        _markdown = Task.Run(() => Open<string>("markdown")); // not needed until the plan
    }

    public LoadCache Files { get; }

    public Memo<QuoteAnchor[]> Anchors => _anchors ??= Open<QuoteAnchor[]>("anchors");

    public Memo<string> Markdown => _markdown.GetAwaiter().GetResult();

    public void Loaded() => Save(() => StoredLoadCache.Save(_layout, Files));

    public void Anchored() => Save(() => Save("anchors", Anchors));

    public void Planned() => Save(() => Save("markdown", Markdown));

    /// <summary>How much of the work up to the plan was made anew.</summary>
    public CacheUse Use => new(Files.FilesRead, Files.FilesAsked, Markdown.Made, Markdown.Used.Count, Anchors.Made, Anchors.Used.Count);

    public static string PathFor(InputLayout layout, string name) => Path.Combine(layout.Root, ".cache", "factdossier", name + ".bin");

    private static string HeaderOf(string name) => $"FactDossier memo|{name}|{CheckedFile.ToolBuild}";

    private Memo<T> Open<T>(string name)
        where T : class => new(CheckedFile.Read<Dictionary<UInt128, T>>(PathFor(_layout, name), HeaderOf(name)));

    /// <summary>Writes the results this build used, when they differ from those the memo was opened with.</summary>
    private void Save<T>(string name, Memo<T> memo)
        where T : class
    {
        if (memo.Changed)
        {
            CheckedFile.Write(PathFor(_layout, name), HeaderOf(name), new Dictionary<UInt128, T>(memo.Used));
        }
    }

    /// <summary>
    /// A cache file written while the build goes on. One that cannot be written is only a slower next run, whatever went
    /// wrong: the problem is not the editor's, and the build's own writes report the disk's state.
    /// </summary>
    private void Save(Action save)
    {
        if (_save)
        {
            _writes.Add(Task.Run(() =>
            {
                try
                {
                    save();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                }
            }));
        }
    }

    public void Dispose() => Task.WaitAll(_writes);
}
