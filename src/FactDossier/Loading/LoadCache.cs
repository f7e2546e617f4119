using System.Collections.Concurrent;
using FactDossier.Diagnostics;

namespace FactDossier.Loading;

/// <summary>
/// What the preview remembers of each input file between builds: its size and modification time, and what reading it
/// gave. An unchanged file is not read again, and yields the very same object, which later stages use to know that
/// nothing about it changed.
/// </summary>
public sealed class LoadCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(long Length, DateTime Modified, object? Key, object? Value, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// The cached result for <paramref name="fullPath"/> when the file (and <paramref name="key"/>, what else the result
    /// was made from) has not changed; otherwise reads it with <paramref name="read"/> and remembers that.
    /// </summary>
    public T? GetOrRead<T>(string fullPath, object? key, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read)
        where T : class
    {
        var file = new FileInfo(fullPath); // stamped before reading: a write during the read is seen next time
        if (_entries.TryGetValue(fullPath, out var entry) && file.Exists && entry.Length == file.Length
            && entry.Modified == file.LastWriteTimeUtc && ReferenceEquals(entry.Key, key))
        {
            diagnostics.AddRange(entry.Diagnostics);
            return (T?)entry.Value;
        }

        var bag = new DiagnosticBag();
        var value = read(bag);
        var found = bag.ToSortedList();
        diagnostics.AddRange(found);
        _entries[fullPath] = new Entry(file.Exists ? file.Length : -1, file.Exists ? file.LastWriteTimeUtc : default, key, value, found);
        return value;
    }
}
