using Microsoft.Win32.SafeHandles;
using System.Collections.Concurrent;

namespace FactDossier.Publishing;

/// <summary>
/// Writes a build into a hidden sibling of <c>output/</c> and swaps it in only on <see cref="Commit"/> (a whole site)
/// or <see cref="CommitChanges"/> (the files that changed). A failed or cancelled build leaves the previous
/// <c>output/</c> exactly as it was; a killed one leaves the old site, or a journal that the next build finishes first.
/// </summary>
public sealed partial class StagedOutputFolder : ISiteWriter, IDisposable
{
    private readonly string _output;
    // Each folder created once; a second writer into it waits until it exists.
    private readonly ConcurrentDictionary<string, Lazy<bool>> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal); // relative path -> staged file
    private bool _committed;

    private readonly bool _changesOnly;

    /// <param name="changesOnly">
    /// The build will put its files in place one by one (<see cref="CommitChanges"/>): they are staged side by side,
    /// under names made from their paths, with no folder made for each (making folders is slow on some disks).
    /// </param>
    public StagedOutputFolder(string output, string buildId, bool changesOnly = false)
    {
        _changesOnly = changesOnly;
        _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var parent = Path.GetDirectoryName(_output)!;
        Directory.CreateDirectory(parent); // a killed build's journal is replayed before (Recover, by Baseline.Resolve under the output lock)
        StagingPath = Path.Combine(parent, $".{Path.GetFileName(_output)}.staging-{Environment.ProcessId}-{buildId}");
        Directory.CreateDirectory(StagingPath);
    }

    public string StagingPath { get; }

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        using var file = Create(relativePath, content.Length);
        RandomAccess.Write(file, content, 0);
    }

    public void Write(string relativePath, IEnumerable<ReadOnlyMemory<byte>> pieces)
    {
        using var file = Create(relativePath, 0);
        long offset = 0;
        foreach (var piece in pieces)
        {
            RandomAccess.Write(file, piece.Span, offset);
            offset += piece.Length;
        }
    }

    private SafeFileHandle Create(string relativePath, long size)
    {
        if (_changesOnly)
        {
            _ = Inside(_output, relativePath);
            var flat = Path.Combine(StagingPath, FlatName(relativePath));
            _files[relativePath] = flat;
            return File.OpenHandle(flat, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, size);
        }

        var full = Path.GetFullPath(Path.Combine(StagingPath, relativePath));
        if (!full.StartsWith(StagingPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
        }

        _files[relativePath] = full;
        var folder = Path.GetDirectoryName(full)!;
        _ = _folders.GetOrAdd(folder, f => new Lazy<bool>(() => Directory.CreateDirectory(f).Exists)).Value;

        return File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, size);
    }

    /// <summary>
    /// Swap: the staging folder takes output/'s name and the old output its own, in one atomic step where the system
    /// allows (Linux), then the old output is deleted.
    /// </summary>
    /// <param name="changing">Run once nothing can fail for want of space or rights, just before output/ changes.</param>
    public void Commit(Action? changing = null)
    {
        if (_changesOnly)
        {
            throw new InvalidOperationException("a folder staged for changes only is put in place by CommitChanges");
        }

        ProbeWritable(_output);
        changing?.Invoke();
        if (!Directory.Exists(_output))
        {
            Directory.Move(StagingPath, _output);
            _committed = true;
            return;
        }

        if (FileExchange.Exchange(StagingPath, _output))
        {
            _committed = true;
            Directory.Delete(StagingPath, recursive: true); // the old site, now at the staging path
            return;
        }

        // No exchange: output/ is missing for the moment between two renames.
        var retired = StagingPath.Replace(".staging-", ".retired-", StringComparison.Ordinal);
        Directory.Move(_output, retired);
        Directory.Move(StagingPath, _output);
        _committed = true;
        Directory.Delete(retired, recursive: true);
    }

    /// <summary>
    /// Puts each staged file in its place in <c>output/</c> and deletes the files no longer in the site (and the folders
    /// they leave empty). A journal naming every move is written first, so that a build killed midway is finished by the
    /// next one before it reads anything (<see cref="Recover"/>): output/ holds the old site or, once recovered, the new
    /// one, never a mix of both. Each file is replaced by a rename: a reader never gets half a page.
    /// </summary>
    /// <param name="keepReplaced">
    /// The preview's: the replaced and removed files are kept (hard-linked or moved) in a folder whose path is returned,
    /// for the caller to delete once no one waits: freeing disk space is slow on a disk mounted with <c>discard</c>
    /// (about 30 ms for the 14 MB claims.json of 10,000 claims).
    /// </param>
    /// <param name="changing">Run once the journal is written (nothing can fail for want of space or rights any more), before the first move.</param>
    public string? CommitChanges(IEnumerable<string> removed, bool keepReplaced = false, Action? changing = null)
    {
        ProbeWritable(_output);
        var journal = JournalPath(_output);
        var lines = new List<string> { Path.GetFileName(StagingPath) };
        lines.AddRange(_files.Keys.Order(StringComparer.Ordinal).Select(f => "R " + f));
        lines.AddRange(removed.Order(StringComparer.Ordinal).Select(f => "D " + f));
        try
        {
            File.WriteAllLines(journal + ".tmp", lines);
            File.Move(journal + ".tmp", journal, overwrite: true);
            changing?.Invoke();
        }
        catch
        {
            File.Delete(journal + ".tmp");
            File.Delete(journal); // nothing moved: the next build must not replay it
            throw;
        }

        _committed = true;
        var retired = keepReplaced ? StagingPath.Replace(".staging-", ".retired-", StringComparison.Ordinal) : null;
        if (retired is not null)
        {
            Directory.CreateDirectory(retired);
        }

        Replay(_output, lines, retired);
        if (retired is null)
        {
            File.Delete(journal);
            Directory.Delete(StagingPath, recursive: true);
        }
        else
        {
            // The journal and the staging folder's empty folders go with the replaced files: deleting them frees space too.
            File.Move(journal, Path.Combine(retired, ".journal"));
            Directory.Move(StagingPath, Path.Combine(retired, ".staging"));
        }

        return retired;
    }

    /// <summary>The file a path of the site is staged as (the stamp it will have in output/: a rename keeps it).</summary>
    public string StagedPathOf(string relativePath) => _files[relativePath];

    /// <summary>
    /// Fails, before anything is moved, when output/ itself cannot take a file (a read-only disk or folder): the
    /// build stops with output/ and its record as they were, not with a journal that cannot be replayed.
    /// </summary>
    private static void ProbeWritable(string output)
    {
        if (Directory.Exists(output) && FileExchange.WriteRefused(output) is { } refusal)
        {
            throw new IOException($"{output}: {refusal}");
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }
}
