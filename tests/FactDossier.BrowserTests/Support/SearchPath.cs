namespace FactDossier.BrowserTests.Support;

/// <summary>Programs found as a shell finds them, in the folders of PATH.</summary>
public static class SearchPath
{
    public static string? Find(IEnumerable<string> names, string? firstFolder = null)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var folder in firstFolder is null ? folders : [firstFolder, .. folders])
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
