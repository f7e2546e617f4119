using Microsoft.Win32.SafeHandles;
using System.Collections.Concurrent;

namespace FactDossier.Publishing;

/// <summary>
/// Writes a build into a hidden sibling of <c>output/</c> and swaps it in only on <see cref="Commit"/> (a whole site)
/// or <see cref="CommitChanges"/> (the files an incremental build rewrote). A failed, cancelled or killed build leaves
/// the previous <c>output/</c> exactly as it was.
/// </summary>
public sealed class StagedOutputFolder : ISiteWriter, IDisposable
{
    private readonly string _output;
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal); // relative path -> staged file
    private bool _committed;

    public StagedOutputFolder(string output, string buildId)
    {
        _output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var parent = Path.GetDirectoryName(_output)!;
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, Path.GetFileName(_output));
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
        var full = Path.GetFullPath(Path.Combine(StagingPath, relativePath));
        if (!full.StartsWith(StagingPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
        }

        _files[relativePath] = full;
        var folder = Path.GetDirectoryName(full)!;
        if (_folders.TryAdd(folder, 0))
        {
            Directory.CreateDirectory(folder);
        }

        return File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, size);
    }

    /// <summary>Swap: the old output moves aside, the staging folder takes its name, the old output is deleted.</summary>
    public void Commit()
    {
        var retired = StagingPath.Replace(".staging-", ".retired-", StringComparison.Ordinal);
        if (Directory.Exists(_output))
        {
            Directory.Move(_output, retired);
        }

        Directory.Move(StagingPath, _output);
        _committed = true;
        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    /// <summary>
    /// Puts each staged file in its place in <c>output/</c> (an atomic swap: a reader never gets half a page), then
    /// deletes the pages no longer in the site, and the folders they leave empty. Returns the folder that now holds the
    /// replaced files, for the caller to delete when no one is waiting (freeing disk space can be slow).
    /// </summary>
    public string CommitChanges(IEnumerable<string> removed)
    {
        foreach (var (relativePath, staged) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var full = Inside(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            FileExchange.Swap(staged, full);
        }

        foreach (var relativePath in removed)
        {
            var full = Inside(relativePath);
            File.Delete(full);
            var folder = Path.GetDirectoryName(full)!;
            if (folder != _output && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        _committed = true;
        var retired = StagingPath.Replace(".staging-", ".retired-", StringComparison.Ordinal);
        Directory.Move(StagingPath, retired);
        return retired;
    }

    private string Inside(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_output, relativePath));
        return full.StartsWith(_output + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
    }

    /// <summary>
    /// A build killed midway leaves its staging folder behind (it never touched output/). The folder names the
    /// process that wrote it; once that process is gone, the folder is rubbish.
    /// </summary>
    private static void RemoveAbandoned(string parent, string outputName)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, $".{outputName}.*-*"))
        {
            var suffix = Path.GetFileName(folder)[(outputName.Length + 2)..]; // "staging-<pid>-<id>" or "retired-<pid>-<id>"
            var parts = suffix.Split('-');
            if (parts.Length >= 3 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
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
