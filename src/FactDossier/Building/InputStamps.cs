using FactDossier.Loading;

namespace FactDossier.Building;

/// <summary>The stamp of every file a build may read: input/, seeds/ and the theme, and any other file the last build read (a seed kept elsewhere).</summary>
internal static class InputStamps
{
    /// <summary>Taken before the build reads anything: a file saved while it runs is seen as changed by the next one.</summary>
    public static Dictionary<string, FileStamp> Take(InputLayout layout, IEnumerable<string> alsoRead)
    {
        var paths = new[] { layout.Input, Path.Combine(layout.Root, "seeds"), layout.Theme }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Concat(alsoRead)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var stamps = new FileStamp?[paths.Length];
        Parallel.For(0, paths.Length, i => stamps[i] = FileStamp.Of(paths[i]));
        var taken = new Dictionary<string, FileStamp>(paths.Length, StringComparer.Ordinal);
        for (var i = 0; i < paths.Length; i++)
        {
            if (stamps[i] is { } stamp)
            {
                taken[paths[i]] = stamp;
            }
        }

        return taken;
    }

    /// <summary>Every path whose stamp differs between the two, or that only one of them has.</summary>
    public static HashSet<string> Changed(IReadOnlyDictionary<string, FileStamp> before, IReadOnlyDictionary<string, FileStamp> now)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, stamp) in now)
        {
            if (!before.TryGetValue(path, out var old) || old != stamp)
            {
                changed.Add(path);
            }
        }

        changed.UnionWith(before.Keys.Where(p => !now.ContainsKey(p)));
        return changed;
    }
}
