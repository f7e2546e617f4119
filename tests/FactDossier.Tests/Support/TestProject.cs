using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Tests.Support;

/// <summary>
/// A throw-away project root in a temp folder: a copy of a fixture (or of the repository's own input and seeds)
/// with the repository's real theme, that a test may change file by file and build.
/// </summary>
public sealed class TestProject : IDisposable
{
    private TestProject(string root) => Root = root;

    public string Root { get; }

    public string Output => Path.Combine(Root, "output");

    public InputLayout Layout => InputLayout.Under(Root, theme: RepositoryPaths.Theme);

    /// <summary>The small valid project of Fixtures/minimal.</summary>
    public static TestProject Minimal() => FromFolders(Path.Combine(RepositoryPaths.Fixtures, "minimal"), "input", "seeds");

    /// <summary>A root that does not exist yet: for <c>new dossier</c> to make.</summary>
    public static TestProject Empty() => FromFolders(RepositoryPaths.Root);

    /// <summary>The repository's own dossier.</summary>
    public static TestProject RealDossier() => FromFolders(RepositoryPaths.Root, "input", "seeds");

    /// <summary>
    /// The repository's own dossier with lists cut into pages of a few items (see <c>pagination</c> in site.yml), so
    /// that every list of it has several pages.
    /// </summary>
    public static TestProject PaginatedDossier(int claims = 5, int quotes = 10, int entries = 10)
    {
        var project = RealDossier();
        project.Write("input/site.yml", project.Read("input/site.yml") + $"pagination:\n  claims: {claims}\n  rows: {claims}\n  quotes: {quotes}\n  entries: {entries}\n");
        return project;
    }

    /// <summary>
    /// The repository's own dossier with each claim copied until it holds <paramref name="claimCount"/> claims (a copy
    /// is the same claim under another id), as a dossier at scale.
    /// </summary>
    public static TestProject ClonedDossier(int claimCount)
    {
        var project = RealDossier();
        var claims = Directory.GetFiles(project.PathOf("input/claims"), "*.yml").Order(StringComparer.Ordinal).ToList();
        for (var n = claims.Count; n < claimCount; n++)
        {
            var original = claims[n % claims.Count];
            var id = Path.GetFileNameWithoutExtension(original);
            var copy = $"{id}-copy-{n / claims.Count}";
            var text = File.ReadAllText(original).Replace($"\nid: {id}\n", $"\nid: {copy}\n", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(original)!, copy + ".yml"), text);
        }

        return project;
    }

    /// <summary>The benchmark's synthetic dossier of <paramref name="claimCount"/> claims (bench/FactDossier.Bench).</summary>
    public static TestProject Synthetic(int claimCount)
    {
        var project = new TestProject(Path.Combine(Path.GetTempPath(), "factdossier-tests", Guid.NewGuid().ToString("N")));
        new FactDossier.Bench.SyntheticDossier(claimCount).WriteProject(project.Root);
        return project;
    }

    /// <summary>The repository's own dossier with a copy of the theme, under <paramref name="root"/> (on a disk of the test's own).</summary>
    public static TestProject RealDossierAt(string root)
    {
        return FromFoldersAt(RepositoryPaths.Root, root, "input", "seeds", "theme");
    }

    private static TestProject FromFolders(string from, params string[] folders) =>
        FromFoldersAt(from, Path.Combine(Path.GetTempPath(), "factdossier-tests", Guid.NewGuid().ToString("N")), folders);

    private static TestProject FromFoldersAt(string from, string root, params string[] folders)
    {
        foreach (var folder in folders)
        {
            Copy(Path.Combine(from, folder), Path.Combine(root, folder));
        }

        return new TestProject(root);
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>A copy of the real theme inside the project, with text appended to one template, to break it on purpose.</summary>
    public InputLayout WithThemeChange(string template, string appended)
    {
        var theme = PathOf("theme");
        Copy(RepositoryPaths.Theme, theme);
        File.AppendAllText(Path.Combine(theme, "layouts", template), appended);
        return InputLayout.Under(Root);
    }

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void WriteBytes(string relative, byte[] content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary>
    /// Copies a bad file into the project's input folder, at the same relative path: from Fixtures/invalid (wrong on
    /// its own, so the JSON schema rejects it too) or Fixtures/invalid-references (wrong only against other files).
    /// </summary>
    public string UseInvalidFixture(string relative)
    {
        var target = Path.Combine("input", relative);
        File.Copy(InvalidFixture(relative), PathOf(target), overwrite: true);
        return target.Replace('\\', '/');
    }

    private static readonly string[] InvalidFolders = ["invalid", "invalid-references"];

    public static string InvalidFixture(string relative) =>
        InvalidFolders
            .Select(folder => Path.Combine(RepositoryPaths.Fixtures, folder, relative))
            .First(File.Exists);

    public BuildResult Build(string? basePath = null) => SiteBuilder.Build(new BuildOptions(Layout, basePath));

    public BuildResult Check() => SiteBuilder.Build(new BuildOptions(Layout, Write: false));

    public IReadOnlyList<Diagnostic> Errors() => Check().Diagnostics.Where(d => d.IsError).ToList();

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
