namespace FactDossier.Loading;

/// <summary>
/// What a file watcher saw since the last load: files written in place, and paths created, deleted or renamed (old
/// and new names). A file named in neither is unchanged, so the next load need not look at it on disk.
/// </summary>
public sealed record FileChanges(IReadOnlySet<string> Written, IReadOnlySet<string> Moved)
{
    /// <summary>Whether files may have come or gone in a folder (its listing must be read again).</summary>
    public bool MovedUnder(string directory)
    {
        var prefix = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        return Moved.Any(p => p.StartsWith(prefix, StringComparison.Ordinal) || p == directory);
    }

    /// <summary>Whether a file may differ from when it was last read.</summary>
    public bool Touched(string fullPath) =>
        Written.Contains(fullPath) || (Moved.Count > 0 && (Moved.Contains(fullPath) || Moved.Any(p => IsUnder(fullPath, p))));

    // A renamed or deleted folder changes every path under it.
    private static bool IsUnder(string path, string folder) =>
        path.Length > folder.Length && path[folder.Length] == Path.DirectorySeparatorChar && path.StartsWith(folder, StringComparison.Ordinal);
}
