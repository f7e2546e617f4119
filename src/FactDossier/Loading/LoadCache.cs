using System.Collections.Concurrent;
using FactDossier.Diagnostics;

namespace FactDossier.Loading;

/// <summary>
/// What the preview remembers of each input file between builds: its size and modification time, and what reading it
/// gave. An unchanged file is not read again, and yields the very same object, by which the build's Delta knows that
/// nothing about it changed. With the watcher's word for what changed (<see cref="Expect"/>), the files it did not
/// name are not even looked at on disk, and folders where nothing came or went are not listed again.
/// </summary>
public sealed class LoadCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Directory, string Pattern), string[]> _listings = new();
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private FileChanges? _changes;
    private int _read;

    /// <param name="Stored">Restored from the command line's stored cache, not read by this process.</param>
    private sealed record Entry(long Length, DateTime Modified, object? Key, object? Value, IReadOnlyList<Diagnostic> Diagnostics, bool Stored = false);

    /// <summary>The watcher's account of the changes since the last load, for the next load only; without one, every file is checked.</summary>
    public void Expect(FileChanges? changes) => _changes = changes;

    /// <summary>Forgets what reading a file gave: the next load reads it again, into new objects, as after a save.</summary>
    internal void Forget(string fullPath) => _entries.TryRemove(fullPath, out _);

    /// <summary>Starts a load: the changes it may trust, which no later load will.</summary>
    internal FileChanges? TakeChanges() => Interlocked.Exchange(ref _changes, null);

    /// <summary>The files of a folder: the last listing when the watcher saw nothing come or go there.</summary>
    internal string[] List(string directory, string pattern, FileChanges? changes, Func<IEnumerable<string>> list)
    {
        var key = (directory, pattern);
        if (changes is not null && !changes.MovedUnder(directory) && _listings.TryGetValue(key, out var listed))
        {
            return listed;
        }

        return _listings[key] = [.. list()];
    }

    /// <summary>What reading a file gave last time, when the watcher's <paramref name="changes"/> do not name it.</summary>
    internal (T? Value, IReadOnlyList<Diagnostic> Diagnostics)? Known<T>(string fullPath, object? key, FileChanges changes)
        where T : class =>
        !changes.Touched(fullPath) && _entries.TryGetValue(fullPath, out var entry) && ReferenceEquals(entry.Key, key)
            ? ((T?)entry.Value, entry.Diagnostics)
            : null;

    /// <summary>
    /// The cached result for <paramref name="fullPath"/> when the file (and <paramref name="key"/>, what else the result
    /// was made from) has not changed; otherwise reads it with <paramref name="readFile"/> and remembers that.
    /// </summary>
    public T? GetOrRead<T>(string fullPath, object? key, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> readFile, FileChanges? changes = null)
        where T : class
    {
        if (changes is not null && Known<T>(fullPath, key, changes) is var (value, found))
        {
            diagnostics.AddRange(found);
            return value;
        }

        // Stamped before reading (FileInfo reads the file's size and time when first asked): a write during the read is
        // seen next time, instead of the old text being kept under the new stamp.
        var file = new FileInfo(fullPath);
        var (length, modified) = file.Exists ? (file.Length, file.LastWriteTimeUtc) : (-1, default(DateTime));
        _used[fullPath] = 0;
        if (_entries.TryGetValue(fullPath, out var entry) && length >= 0 && entry.Length == length
            && entry.Modified == modified && ReferenceEquals(entry.Key, key) && entry.Value is null or T)
        {
            diagnostics.AddRange(entry.Diagnostics);
            return (T?)entry.Value;
        }

        var bag = new DiagnosticBag();
        var read = readFile(bag);
        var reported = bag.ToSortedList();
        diagnostics.AddRange(reported);
        _entries[fullPath] = new Entry(length, modified, key, read, reported);
        Interlocked.Increment(ref _read);
        return read;
    }

    /// <summary>How many files were read, not taken from the cache, since it was made.</summary>
    internal int FilesRead => _read;

    /// <summary>How many files were asked for since the cache was made, read or not.</summary>
    internal int FilesAsked => _used.Count;

    /// <summary>What reading a file gave in an earlier run (the command line's stored cache): taken while the file keeps its stamp.</summary>
    internal void Restore(string fullPath, long length, DateTime modified, object value, IReadOnlyList<Diagnostic> diagnostics)
    {
        _entries[fullPath] = new Entry(length, modified, null, value, diagnostics, Stored: true);
        Restored++;
    }

    /// <summary>How many entries came from an earlier run.</summary>
    internal int Restored { get; private set; }

    /// <summary>The files asked for since the cache was made, read from disk or not, that were read with nothing else as key.</summary>
    internal IEnumerable<(string Path, long Length, DateTime Modified, object? Value, IReadOnlyList<Diagnostic> Diagnostics, bool Stored)> Used() =>
        _used.Keys.Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Entry: _entries.GetValueOrDefault(path)))
            .Where(e => e.Entry is { Key: null, Length: >= 0 })
            .Select(e => (e.Path, e.Entry!.Length, e.Entry.Modified, e.Entry.Value, e.Entry.Diagnostics, e.Entry.Stored));
}
