using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>`new dossier`, run as a newsroom would: a folder that builds at once, and never one written over.</summary>
public sealed class NewDossierTests
{
    private static string[] Files(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_new_dossier_builds_at_once_with_its_todos_as_warnings_and_fails_under_strict_until_they_are_filled()
    {
        using var project = TestProject.Empty();

        var made = FactDossierProcess.Execute("new", "dossier", project.Root, "--title", "Galamsey statements, October 2022", "--language", "en");

        Assert.Equal(0, made.ExitCode);
        Assert.Equal("", made.Stderr);
        Assert.Contains($"wrote {project.Root}/", made.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            [
                ".github/workflows/check.yml", ".github/workflows/pages.yml", ".gitignore", ".vscode/settings.json", "README.md",
                "input/articles/.gitkeep", "input/claims/.gitkeep", "input/pages/methodology.md", "input/people/.gitkeep", "input/site.yml",
                "input/sources/.gitkeep", "schema/article.schema.json", "schema/claim.schema.json", "schema/page.schema.json",
                "schema/person.schema.json", "schema/site.schema.json", "schema/source.schema.json", "seeds/.gitkeep",
            ],
            Files(project.Root).Where(f => !f.StartsWith("theme/", StringComparison.Ordinal)));
        // The theme and the schemas are the repository's, byte for byte.
        Assert.Equal(Files(RepositoryPaths.Theme), Files(project.PathOf("theme")));
        Assert.All(Files(RepositoryPaths.Theme), f => Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Theme, f)), File.ReadAllBytes(project.PathOf("theme/" + f))));
        Assert.All(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "schema")), f => Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(project.PathOf("schema/" + Path.GetFileName(f)))));
        Assert.Contains("title: \"Galamsey statements, October 2022\"\n", project.Read("input/site.yml"), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".vscode", "settings.json")), project.Read(".vscode/settings.json"));

        var build = FactDossierProcess.Execute("--root", project.Root);
        Assert.Equal(0, build.ExitCode);
        Assert.True(File.Exists(project.PathOf("output/methodology/index.html")));
        var warnings = build.Stderr.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).ToList();
        Assert.All(warnings, w => Assert.Contains(" warning FD0111: still to fill in: TODO", w, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("input/site.yml(5,10): warning FD0111", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("input/pages/methodology.md(6,1): warning FD0111", StringComparison.Ordinal));

        var strict = FactDossierProcess.Execute("check", "--strict", "--root", project.Root);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(warnings.Count, strict.Stderr.Split('\n').Count(l => l.Contains(": error FD0111: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_french_dossier_speaks_french_and_its_scale_is_the_starter_scale_in_french()
    {
        using var project = TestProject.Empty();

        var made = FactDossierProcess.Execute("new", "dossier", project.Root, "--language", "fr");

        Assert.Equal(0, made.ExitCode);
        Assert.Contains("title: \"TODO: le titre du dossier\"", project.Read("input/site.yml"), StringComparison.Ordinal);
        var site = DossierLoader.Load(InputLayout.Under(project.Root)).Dossier!.Site;
        Assert.Equal("fr", site.Language);
        Assert.Equal(["Exact", "Manque de contexte", "Trompeur", "Contredit", "Faux", "Invérifiable"], site.RatingScale.Ratings.Select(r => r.Label));
        Assert.Equal(0, FactDossierProcess.Execute("--root", project.Root).ExitCode);
        Assert.Contains("<html lang=\"fr\">", File.ReadAllText(project.PathOf("output/index.html")), StringComparison.Ordinal);
        Assert.Contains("<h1>Méthodologie</h1>", File.ReadAllText(project.PathOf("output/methodology/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_written_into_a_folder_that_holds_anything_nor_over_a_file_and_a_bad_language_or_title_is_refused()
    {
        using var project = TestProject.Empty();
        project.Write("notes.txt", "mine\n");

        var intoFull = FactDossierProcess.Execute("new", "dossier", project.Root);
        var overFile = FactDossierProcess.Execute("new", "dossier", project.PathOf("notes.txt"));
        var bad = FactDossierProcess.Execute("new", "dossier", project.PathOf("new"), "--language", "de", "--title", " ");

        Assert.Equal(1, intoFull.ExitCode);
        Assert.Contains($"{project.Root}(1,1): error FD0501: '{project.Root}' is not empty (it holds notes.txt); nothing is written into it", intoFull.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, overFile.ExitCode);
        Assert.Contains("error FD0501: ", overFile.Stderr, StringComparison.Ordinal);
        Assert.Contains("is a file; a new dossier needs a new or empty folder", overFile.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--language(1,1): error FD0011: 'de' is not a language of the site's interface; did you mean 'en'?", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("--title(1,1): error FD0009: the title is empty", bad.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Files(project.Root));
        Assert.Equal("mine\n", project.Read("notes.txt"));
        Assert.Empty(Directory.GetFileSystemEntries(project.Root, ".new.new-*")); // no staging folder left
    }

    [Fact]
    public void An_empty_folder_is_taken()
    {
        using var project = TestProject.Empty();
        Directory.CreateDirectory(project.Root);

        var made = FactDossierProcess.Execute("new", "dossier", project.Root);

        Assert.Equal(0, made.ExitCode);
        Assert.True(File.Exists(project.PathOf("input/site.yml")));
    }
}
