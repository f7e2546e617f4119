namespace FactDossier.Loading;

/// <summary>
/// What file watchers saw since the last load: files written in place, and paths created, deleted or renamed (old
/// and new names). A file under the watched folders named in neither is unchanged, so the next load need not look at
/// it on disk; a file elsewhere (a seed outside <c>seeds/</c>) is unwatched and always checked.
/// </summary>
public sealed record FileChanges(IReadOnlySet<string> Written, IReadOnlySet<string> Moved, IReadOnlyList<string> Watched)
{
    /// <summary>Whether files may have come or gone in a folder (its listing must be read again).</summary>
    public bool MovedUnder(string directory)
    {
        directory = Path.TrimEndingDirectorySeparator(directory);
        return Moved.Any(p => p == directory || IsUnder(p, directory)) || !IsWatched(directory);
    }

    /// <summary>Whether a file may differ from when it was last read.</summary>
    public bool Touched(string fullPath) =>
        Written.Contains(fullPath) || (Moved.Count > 0 && (Moved.Contains(fullPath) || Moved.Any(p => IsUnder(fullPath, p))))
        || !IsWatched(fullPath);

    private bool IsWatched(string path) =>
        Watched.Any(folder => Path.TrimEndingDirectorySeparator(folder) is var root && (path == root || IsUnder(path, root)));

    // A renamed or deleted folder changes every path under it.
    private static bool IsUnder(string path, string folder) =>
        path.Length > folder.Length && path[folder.Length] == Path.DirectorySeparatorChar && path.StartsWith(folder, StringComparison.Ordinal);
}
