using System.Collections;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace FactDossier.Rendering;

/// <summary>
/// The theme's partials, read once into memory and served to Fluid's <c>{% render %}</c> tag. A fixed modification
/// time lets Fluid's cache keep each parsed partial for the whole build.
/// </summary>
internal sealed class ThemeFileProvider : IFileProvider
{
    // Fluid asks for a partial's file on every {% render %}: one object per partial, made once.
    private readonly Dictionary<string, ThemeFile> _files;
    private int _reads;

    public ThemeFileProvider(IReadOnlyDictionary<string, string> files) =>
        _files = files.ToDictionary(f => f.Key, f => new ThemeFile(f.Key, f.Value, this), StringComparer.Ordinal);

    /// <summary>How many times Fluid has read a partial (to parse it): bounded by the render call sites, not the pages.</summary>
    public int Reads => _reads;

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => new Contents([.. _files.Values]);

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ThemeFile(string name, string content, ThemeFileProvider provider) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(content);

        public bool Exists => true;

        public long Length => _bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream()
        {
            Interlocked.Increment(ref provider._reads);
            return new MemoryStream(_bytes, writable: false);
        }
    }

    private sealed class Contents(IReadOnlyList<IFileInfo> files) : IDirectoryContents
    {
        public bool Exists => true;

        public IEnumerator<IFileInfo> GetEnumerator() => files.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
