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
    private readonly ConcurrentDictionary<(string Partial, object Value), HtmlFragment>? _older;

    public FragmentCache()
    {
    }

    /// <summary>
    /// The next build's cache: it takes from this one the fragments it uses. What neither build used is dropped with
    /// this one (the views of edited claims, gone for good), so a long preview session does not grow; a fragment
    /// dropped but needed later is only rendered again, to the same bytes.
    /// </summary>
    public FragmentCache Next() => new(_fragments);

    private FragmentCache(ConcurrentDictionary<(string Partial, object Value), HtmlFragment> older) => _older = older;

    public HtmlFragment GetOrAdd(string partial, object value, Func<HtmlFragment> render) =>
        _fragments.GetOrAdd((partial, value), static (key, state) => state.Older?.GetValueOrDefault(key) ?? state.Render(), (Older: _older, Render: render));

    private sealed class KeyComparer : IEqualityComparer<(string Partial, object Value)>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals((string Partial, object Value) x, (string Partial, object Value) y) =>
            ReferenceEquals(x.Value, y.Value) && x.Partial == y.Partial;

        public int GetHashCode((string Partial, object Value) key) => HashCode.Combine(key.Partial, RuntimeHelpers.GetHashCode(key.Value));
    }
}
