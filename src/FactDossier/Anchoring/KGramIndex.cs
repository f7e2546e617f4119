using System.Buffers;

namespace FactDossier.Anchoring;

/// <summary>
/// Every position of a text, chained by the hash of the K characters starting there, so that all occurrences of a
/// quote are found by visiting only the positions that share its first K characters instead of scanning the text.
/// About 4 bytes per character plus a table, both pooled: an article's index lives only while its quotes are anchored.
/// </summary>
internal sealed class KGramIndex : IDisposable
{
    private const int K = 8;
    private readonly string _text;
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int _mask;

    public KGramIndex(string text)
    {
        _text = text;
        var size = 1;
        while (size < 2 * Math.Max(1, text.Length))
        {
            size <<= 1;
        }

        _mask = size - 1;
        _head = ArrayPool<int>.Shared.Rent(size);
        Array.Fill(_head, -1, 0, size);
        _next = ArrayPool<int>.Shared.Rent(Math.Max(0, text.Length - K + 1));
        for (var i = text.Length - K; i >= 0; i--)
        {
            var bucket = Bucket(text.AsSpan(i, K));
            _next[i] = _head[bucket];
            _head[bucket] = i;
        }
    }

    /// <summary>Every start position of <paramref name="exact"/> in the text, in increasing order.</summary>
    public List<int> Occurrences(string exact)
    {
        var found = new List<int>();
        if (exact.Length < K)
        {
            for (var at = _text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = _text.IndexOf(exact, at + 1, StringComparison.Ordinal))
            {
                found.Add(at);
            }

            return found;
        }

        for (var at = _head[Bucket(exact.AsSpan(0, K))]; at >= 0; at = _next[at])
        {
            if (_text.AsSpan(at).StartsWith(exact, StringComparison.Ordinal))
            {
                found.Add(at);
            }
        }

        return found;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_head);
        ArrayPool<int>.Shared.Return(_next);
    }

    private int Bucket(ReadOnlySpan<char> gram)
    {
        ulong hash = 14695981039346656037; // FNV-1a
        foreach (var c in gram)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return (int)(hash ^ (hash >> 29)) & _mask;
    }
}
