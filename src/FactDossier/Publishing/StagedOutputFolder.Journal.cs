namespace FactDossier.Publishing;

/// <summary>The journal side of <see cref="StagedOutputFolder"/>: replaying a killed build's moves, and removing what killed builds left.</summary>
public sealed partial class StagedOutputFolder
{
    /// <summary>
    /// Finishes the commit of a build that was killed while it put its files in place (a no-op without a journal), then
    /// removes what killed builds left beside output/ (every writer runs it first, under the output's lock).
    /// </summary>
    /// <returns>Whether it replayed a journal: output/ changed.</returns>
    public static bool Recover(string output)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var replayed = Replay(output);
        if (Path.GetDirectoryName(output) is { } parent && Directory.Exists(parent))
        {
            RemoveAbandoned(parent, Path.GetFileName(output));
        }

        return replayed;
    }

    private static bool Replay(string output)
    {
        var journal = JournalPath(output);
        if (File.Exists(journal + ".tmp"))
        {
            File.Delete(journal + ".tmp"); // killed while writing it: nothing had moved yet
        }

        if (!File.Exists(journal))
        {
            return false;
        }

        var lines = File.ReadAllLines(journal);
        Replay(output, lines, retired: null);
        File.Delete(journal);
        var staging = Path.Combine(Path.GetDirectoryName(output)!, lines[0]);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        return true;
    }

    /// <summary>Where a replaced file waits to be deleted: side by side with the others, no folder made for it.</summary>
    private static string RetiredPath(string retired, string relativePath) => Path.Combine(retired, FlatName(relativePath));

    /// <summary>A file name for a path of the site, the same for the same path (a 128-bit hash, in hexadecimal).</summary>
    private static string FlatName(string relativePath) =>
        Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(System.Text.Encoding.UTF8.GetBytes(relativePath)));

    private static string JournalPath(string output) => Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.journal");

    /// <summary>Each move and deletion of a journal; those already done are skipped, so it can be replayed after a kill.</summary>
    private static void Replay(string output, IReadOnlyList<string> lines, string? retired)
    {
        var staging = Path.Combine(Path.GetDirectoryName(output)!, lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var relativePath = line[2..];
            var target = Inside(output, relativePath);
            if (line[0] == 'R')
            {
                // Staged under its path, or side by side under its flat name (a build of changes only).
                var staged = Path.Combine(staging, relativePath) is var nested && File.Exists(nested) ? nested : Path.Combine(staging, FlatName(relativePath));
                if (File.Exists(staged))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (retired is not null && File.Exists(target))
                    {
                        FileExchange.Link(target, RetiredPath(retired, relativePath));
                    }

                    File.Move(staged, target, overwrite: true);
                }

                continue;
            }

            if (retired is not null && File.Exists(target))
            {
                File.Move(target, RetiredPath(retired, relativePath));
            }

            File.Delete(target);
            // The folders it leaves empty go too, up to output/: a clean build would not have them.
            for (var folder = Path.GetDirectoryName(target)!;
                 folder != output && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder)!)
            {
                Directory.Delete(folder);
            }
        }
    }

    private static string Inside(string output, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(output, relativePath));
        return full.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)
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
}
