namespace FactDossier.Publishing;

/// <summary>
/// Changes to a published output folder, for the preview's incremental builds: each file is written beside its
/// place and renamed over it, so a reader never gets half a page.
/// </summary>
public static class OutputFolder
{
    public static void Replace(string output, string relativePath, byte[] content)
    {
        var full = Inside(output, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Deletes a page that is no longer part of the site, and its folder once empty (pages live in their own).</summary>
    public static void Remove(string output, string relativePath)
    {
        var full = Inside(output, relativePath);
        File.Delete(full);
        var folder = Path.GetDirectoryName(full)!;
        if (folder != Path.TrimEndingDirectorySeparator(output) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private static string Inside(string output, string relativePath)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
    }
}
