using FactDossier.Diagnostics;
using FactDossier.Scaffolding;
using FactDossier.Text;

namespace FactDossier.Cli;

/// <summary>
/// <c>new dossier</c>: a project folder that builds at once. Everything is written into a hidden sibling folder first,
/// which then takes the target's name: a failure leaves nothing half made, and nothing is ever written into a folder
/// that holds anything.
/// </summary>
public static class NewDossierCommand
{
    public sealed record Outcome(string? WrittenPath, IReadOnlyList<Diagnostic> Diagnostics);

    /// <param name="folder">The new dossier's folder, as the user wrote it (relative to the current folder).</param>
    /// <param name="themeFrom">The theme to copy; default: the one of the repository the tool is built from.</param>
    public static Outcome Run(string folder, string? title, string language, string? themeFrom = null)
    {
        var diagnostics = new DiagnosticBag();
        if (!DossierScaffold.Languages.Contains(language))
        {
            var guess = EditDistance.Closest(language, DossierScaffold.Languages);
            diagnostics.Add(DiagnosticCode.InvalidChoice, Argument("--language"),
                $"'{language}' is not a language of the site's interface" + (guess is null ? "" : $"; did you mean '{guess}'?"),
                "use one of: " + string.Join(", ", DossierScaffold.Languages) + " (the articles themselves may be in any language)");
        }

        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Add(DiagnosticCode.EmptyValue, Argument("--title"), "the title is empty", "give the dossier's title, or leave --title out to fill it in later");
        }

        var target = Path.GetFullPath(folder);
        if (File.Exists(target))
        {
            diagnostics.Add(DiagnosticCode.TargetExists, SourceSpan.StartOf(folder), $"'{folder}' is a file; a new dossier needs a new or empty folder");
        }
        else if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Order(StringComparer.Ordinal).Take(3).ToList() is { Count: > 0 } held)
        {
            diagnostics.Add(DiagnosticCode.TargetExists, SourceSpan.StartOf(folder),
                $"'{folder}' is not empty (it holds {string.Join(", ", held.Select(Path.GetFileName))}{(held.Count == 3 ? ", …" : "")}); nothing is written into it",
                "give the path of a new folder, or of an empty one");
        }

        themeFrom ??= StarterTheme.Find(AppContext.BaseDirectory);
        if (themeFrom is null || !Directory.Exists(themeFrom))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf("theme"),
                $"the theme to copy was not found: FactDossier's repository is not above {AppContext.BaseDirectory}",
                "run the tool from a clone of FactDossier's repository: dotnet run --project src/FactDossier -- new dossier …");
        }

        if (diagnostics.HasErrors)
        {
            return new Outcome(null, diagnostics.ToSortedList());
        }

        return Write(folder, target, DossierScaffold.Files(title, language), themeFrom!, diagnostics);
    }

    private static Outcome Write(string folder, string target, IReadOnlyList<ScaffoldedFile> files, string themeFrom, DiagnosticBag diagnostics)
    {
        var parent = Path.GetDirectoryName(target)!;
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.new-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            foreach (var file in files)
            {
                var path = Path.Combine(staging, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes);
            }

            CopyFolder(themeFrom, Path.Combine(staging, "theme"));
            if (Directory.Exists(target))
            {
                Directory.Delete(target); // empty, or this fails: what came meanwhile is kept
            }

            Directory.Move(staging, target);
            return new Outcome(folder, diagnostics.ToSortedList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            diagnostics.Add(DiagnosticCode.OutputNotWritable, SourceSpan.StartOf(folder), $"the new dossier could not be written: {e.Message}",
                "check the path and its permissions; nothing was left behind");
            return new Outcome(null, diagnostics.ToSortedList());
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private static SourceSpan Argument(string option) => new(option, 1, 1);
}

/// <summary>
/// The theme a new dossier starts from: the <c>theme/</c> folder of the FactDossier repository the running tool was
/// built in (found above the tool's own folder: <c>src/FactDossier/bin/…</c> under <c>dotnet run</c>, a test project's
/// <c>bin/</c> in the tests). It is not embedded in the tool: 6 MB of Decap's script and fonts, and each theme edit
/// would change the tool's build, which keys the stored caches and the build server.
/// </summary>
public static class StarterTheme
{
    public static string? Find(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "FactDossier", "FactDossier.csproj"))
                && File.Exists(Path.Combine(dir.FullName, "theme", "layouts", "_layout.liquid")))
            {
                return Path.Combine(dir.FullName, "theme");
            }
        }

        return null;
    }
}
