using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace FactDossier.Caching;

/// <summary>
/// Results of a pure function by a 128-bit hash of everything it reads (Markdown's HTML by its text, an article's
/// anchors by its text and quotes): what an earlier run found is not computed again. The command line keeps them
/// between runs (<see cref="StoredWork"/>), holding only the results the last build used.
/// </summary>
public sealed class Memo<T>(IReadOnlyDictionary<UInt128, T>? known = null)
    where T : class
{
    private readonly IReadOnlyDictionary<UInt128, T> _known = known ?? new Dictionary<UInt128, T>();
    private readonly ConcurrentDictionary<UInt128, T> _used = new();
    private int _made;

    public bool TryGet(UInt128 key, [MaybeNullWhen(false)] out T value)
    {
        if (_used.TryGetValue(key, out value))
        {
            return true;
        }

        if (_known.TryGetValue(key, out value))
        {
            _used[key] = value;
            return true;
        }

        return false;
    }

    public void Add(UInt128 key, T value)
    {
        if (_used.TryAdd(key, value))
        {
            Interlocked.Increment(ref _made);
        }
    }

    public T GetOrAdd(UInt128 key, Func<T> make)
    {
        if (!TryGet(key, out var value))
        {
            value = make();
            Add(key, value);
        }

        return value;
    }

    /// <summary>How many results were computed, not found, since the memo was made.</summary>
    public int Made => _made;

    /// <summary>Every result used since the memo was made, found or computed.</summary>
    public IReadOnlyDictionary<UInt128, T> Used => _used;

    /// <summary>Whether the results used differ from those the memo started with: something was computed, or something known was not used.</summary>
    public bool Changed => _made > 0 || _used.Count != _known.Count;
}
