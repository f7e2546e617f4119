using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FactDossier.Rendering;

/// <summary>
/// Partials rendered once per value, as Hugo's <c>partialCached</c>: a quote listed on its speaker's page and on the
/// timeline is rendered, encoded and link-checked once. Kept by partial name and by the value itself (by reference):
/// a view the preview reuses after an edit elsewhere keeps its fragment.
/// </summary>
public sealed class FragmentCache
{
    private readonly ConcurrentDictionary<(string Partial, object Value), HtmlFragment> _fragments = new(KeyComparer.Instance);

    public HtmlFragment GetOrAdd(string partial, object value, Func<HtmlFragment> render) =>
        _fragments.GetOrAdd((partial, value), static (_, render) => render(), render);

    private sealed class KeyComparer : IEqualityComparer<(string Partial, object Value)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((string Partial, object Value) x, (string Partial, object Value) y) =>
            ReferenceEquals(x.Value, y.Value) && x.Partial == y.Partial;

        public int GetHashCode((string Partial, object Value) key) => HashCode.Combine(key.Partial, RuntimeHelpers.GetHashCode(key.Value));
    }
}
