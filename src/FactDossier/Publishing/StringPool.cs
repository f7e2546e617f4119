using System.Collections.Concurrent;

namespace FactDossier.Publishing;

/// <summary>
/// One string per distinct id or link of a build: the same "/people/p098/" on ten thousand pages is kept once, and a
/// value seen before is found from its characters without making a new string.
/// </summary>
public sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pool's string equal to <paramref name="value"/>, which becomes it if the pool has none.</summary>
    public string Get(string value) => _strings.GetOrAdd(value, value);

    public string Get(ReadOnlySpan<char> value)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var known))
        {
            return known;
        }

        var created = value.ToString();
        return _strings.GetOrAdd(created, created);
    }
}
