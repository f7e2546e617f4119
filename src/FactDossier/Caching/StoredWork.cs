using FactDossier.Anchoring;
using FactDossier.Building;
using FactDossier.Loading;

namespace FactDossier.Caching;

/// <summary>
/// What the command line's stages keep between runs in <c>.cache/factdossier/</c>, as the preview keeps it in memory:
/// the loaded files, and Markdown's HTML and the articles' anchors by the hash of what they are made from. Each is
/// opened before its stage and saved, while the build goes on, once its stage has used it; disposing waits for the
/// saves. The preview's first build uses them too: it starts as fast as a command-line rebuild.
/// </summary>
internal sealed class StoredWork : IDisposable
{
    private readonly InputLayout _layout;
    private readonly CacheWrites _writes = new();
    private readonly Task<Memo<string>> _markdown;
    private Memo<QuoteAnchor[]>? _anchors;

    private readonly bool _save;

    /// <param name="files">The preview's own cache, which its first build fills from the stored one.</param>
    /// <param name="save">False for the build server's warm-up: it reads what the build before it has just saved.</param>
    public StoredWork(InputLayout layout, LoadCache? files = null, bool save = true)
    {
        _layout = layout;
        _save = save;
        Files = StoredLoadCache.Open(layout, files);
        _markdown = Task.Run(() => StoredMemo.Open<string>(layout, "markdown")); // not needed until the plan
    }

    public LoadCache Files { get; }

    public Memo<QuoteAnchor[]> Anchors => _anchors ??= StoredMemo.Open<QuoteAnchor[]>(_layout, "anchors");

    public Memo<string> Markdown => _markdown.GetAwaiter().GetResult();

    public void Loaded() => Save(() => StoredLoadCache.Save(_layout, Files));

    public void Anchored() => Save(() => StoredMemo.Save(_layout, "anchors", Anchors));

    public void Planned() => Save(() => StoredMemo.Save(_layout, "markdown", Markdown));

    private void Save(Action save)
    {
        if (_save)
        {
            _writes.Start(save);
        }
    }

    /// <summary>How much of the work up to the plan was made anew.</summary>
    public CacheUse Use => new(Files.FilesRead, Files.FilesAsked, Markdown.Made, Markdown.Used.Count, Anchors.Made, Anchors.Used.Count);

    public void Dispose() => _writes.Dispose();
}
