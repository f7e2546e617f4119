using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// What the article says that no claim covers: <c>check --coverage</c> lists it with a <c>new claim</c> command that
/// works when pasted into a shell, and what the editors leave out is told to readers on the methodology page.
/// </summary>
public sealed partial class CoverageTests
{
    private const string Article = "istanbul-talks-2022-03-31";

    [Fact]
    public void The_seed_dossier_leaves_nothing_uncovered_and_every_build_says_so()
    {
        using var project = TestProject.RealDossier();

        var check = FactDossierProcess.Execute("check", "--root", project.Root, "--theme", RepositoryPaths.Theme, "--coverage");
        var build = FactDossierProcess.Execute("build", "--root", project.Root, "--theme", RepositoryPaths.Theme);
        var unchanged = FactDossierProcess.Execute("build", "--root", project.Root, "--theme", RepositoryPaths.Theme);

        Assert.Equal((0, ""), (check.ExitCode, check.Stderr));
        Assert.DoesNotContain("FD0205", check.Stdout, StringComparison.Ordinal);
        const string line = $"  article {Article}: 19 of 29 quotations covered, 10 not checked\n";
        Assert.Contains(line, check.Stdout, StringComparison.Ordinal);
        Assert.Contains(line, build.Stdout, StringComparison.Ordinal);
        // A build that finds nothing changed tells the recorded figures.
        Assert.Contains("unchanged", unchanged.Stdout, StringComparison.Ordinal);
        Assert.Contains(line, unchanged.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_printed_new_claim_command_works_when_pasted_into_a_shell_and_its_claim_anchors()
    {
        using var project = TestProject.RealDossier();
        // A dossier that covers nothing yet: every quotation and reported statement is listed.
        foreach (var claim in Directory.EnumerateFiles(project.PathOf("input/claims"), "*.yml"))
        {
            File.Delete(claim);
        }

        foreach (var page in Directory.EnumerateFiles(project.PathOf("input/pages"), "*.md"))
        {
            File.Delete(page); // they link to the claims
        }

        var articleFile = $"input/articles/{Article}.yml";
        var yaml = project.Read(articleFile);
        project.Write(articleFile, yaml[..yaml.IndexOf("\n# Quotations and reported statements no claim checks", StringComparison.Ordinal)] + "\n");

        var listed = FactDossierProcess.Execute("check", "--root", project.Root, "--theme", RepositoryPaths.Theme, "--coverage");

        var commands = listed.Stdout.Split('\n').Where(l => l.Contains(": info FD0205: ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(" — new claim: ", StringComparison.Ordinal) + " — new claim: ".Length)..]).ToList();
        Assert.Equal(29, commands.Count);
        Assert.Contains($"  article {Article}: 0 of 29 quotations covered, 29 uncovered (check --coverage lists them)", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains(commands, c => c.Contains("--occurrence 1", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("\\\"", StringComparison.Ordinal)); // « rien n'a avancé" depuis… »
        foreach (var command in commands)
        {
            Assert.StartsWith($"dotnet run --project src/FactDossier -- --root {project.Root} new claim --article {Article} --quote ", command, StringComparison.Ordinal);
            var run = Bash(command.Replace("dotnet run --project src/FactDossier --", $"dotnet {Path.Combine(AppContext.BaseDirectory, "FactDossier.dll")}", StringComparison.Ordinal));
            Assert.True(run.ExitCode == 0, $"{command}\n{run.Stdout}{run.Stderr}");
            Assert.StartsWith("wrote input/claims/", run.Stdout, StringComparison.Ordinal);
        }

        var after = FactDossierProcess.Execute("check", "--root", project.Root, "--theme", RepositoryPaths.Theme, "--coverage");

        Assert.Equal(29, Directory.EnumerateFiles(project.PathOf("input/claims"), "*.yml").Count());
        Assert.DoesNotMatch(@"error FD02\d\d", after.Stderr); // every claim's quote anchors, where its passage is
        Assert.DoesNotContain("FD0205", after.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  article {Article}: 29 of 29 quotations covered\n", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_methodology_page_tells_readers_what_was_not_checked_and_why()
    {
        using var project = TestProject.RealDossier();
        Assert.True(project.Build().Succeeded);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(project.Output, "methodology", "index.html")));

        var section = page.QuerySelector("section.not-checked")!;
        Assert.Equal("Statements not checked, and why", section.QuerySelector("h2")!.TextContent);
        var items = section.QuerySelectorAll("li");
        Assert.Equal(10, items.Length);
        var selon = items.Single(i => i.QuerySelector("blockquote")!.TextContent == "Selon nos informations");
        Assert.Equal("fr", selon.QuerySelector("blockquote")!.GetAttribute("lang"));
        Assert.StartsWith("Stoltenberg's attribution of what follows", selon.QuerySelectorAll("p")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(("/articles/istanbul-talks-2022-03-31/#p2", "paragraph 2"), (selon.QuerySelector("a")!.GetAttribute("href"), selon.QuerySelector("a")!.TextContent));
        Assert.Null(new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(project.Output, "about", "index.html"))).QuerySelector("section.not-checked"));
    }

    [Fact]
    public void Passages_left_out_but_shown_on_no_page_are_a_warning()
    {
        using var project = TestProject.RealDossier();
        var methodology = project.Read("input/pages/methodology.md");
        project.Write("input/pages/methodology.md", methodology.Replace("not_checked: true\n", "", StringComparison.Ordinal));

        var warning = Assert.Single(project.Check().Diagnostics);

        Assert.Equal(("FD0113", $"input/articles/{Article}.yml"), (warning.Code.Id, warning.Span.Path));
        Assert.Contains("leaves 10 passage(s) unchecked, but no page tells readers which and why", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>A command as an editor pastes it into a shell.</summary>
    internal static FactDossierProcess.Run Bash(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["FACTDOSSIER_BUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), command);
        return new FactDossierProcess.Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
