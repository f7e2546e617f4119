using System.Text.RegularExpressions;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// README's "Start your own dossier", as a newsroom follows it with a real article of its own (the first paragraphs of
/// GhanaWeb's report of 14 October 2022, Fixtures/real-article): new dossier, new article, two claims, every TODO
/// filled, then the README's build, the pull request check and the published build of the dossier's own workflows.
/// </summary>
public sealed partial class StartYourOwnDossierTests
{
    private const string ArticleId = "lands-ministry-says-jinapor-2022-10-14";
    private const string Denial = "the Minister did NOT say the military is to be blamed or held responsible for any failures in the fight against illegal mining";
    private const string InCharge = "the military has been put fully in charge of the operations on the ground";

    [Fact]
    public void A_new_dossier_with_a_real_article_and_two_claims_builds_passes_the_pull_request_check_and_publishes()
    {
        using var project = TestProject.Empty();
        var root = project.Root;
        Run("new", "dossier", root, "--title", "Galamsey statements, October 2022", "--language", "en");
        Run("new", "article", "--root", root, "--text", Path.Combine(RepositoryPaths.Fixtures, "real-article", "ghanaweb-2022-10-14.txt"),
            "--title", "Lands Ministry says Jinapor's statement on the military's role in the galamsey fight was misreported", "--date", "2022-10-14",
            "--language", "en", "--publisher", "GhanaWeb",
            "--url", "https://www.ghanaweb.com/GhanaHomePage/NewsArchive/Abu-Jinapor-s-statement-on-the-role-of-military-in-galamsey-fight-misconstrued-Lands-Ministry-1642766");
        WritePersonAndSource(project);
        var denial = Written(Run("new", "claim", "--root", root, "--article", ArticleId, "--quote", Denial, "--speaker", "ministry-of-lands-ghana"));
        var inCharge = Written(Run("new", "claim", "--root", root, "--article", ArticleId, "--quote", InCharge, "--speaker", "ministry-of-lands-ghana"));
        FillTodos(project, denial, inCharge);

        // README's build command, with --root.
        var build = FactDossierProcess.Execute("--root", root);
        Assert.Equal(0, build.ExitCode);
        Assert.Equal("", build.Stderr);
        foreach (var (claim, quote) in new[] { (denial, Denial), (inCharge, InCharge) })
        {
            var page = File.ReadAllText(project.PathOf($"output/claims/{Path.GetFileNameWithoutExtension(claim)}/index.html"));
            Assert.Contains(quote, page, StringComparison.Ordinal);
            Assert.Contains("application/ld+json", page, StringComparison.Ordinal); // not a draft: ClaimReview published
            Assert.DoesNotContain("draft-notice", page, StringComparison.Ordinal);
        }

        // Both highlighted in the annotated article.
        var article = File.ReadAllText(project.PathOf($"output/articles/{ArticleId}/index.html"));
        Assert.Contains($"<mark class=\"q q-statement\" id=\"q-{Path.GetFileNameWithoutExtension(denial)}\">{Denial}", article, StringComparison.Ordinal);
        Assert.Contains($"<mark class=\"q q-statement\" id=\"q-{Path.GetFileNameWithoutExtension(inCharge)}\">{InCharge}", article, StringComparison.Ordinal);

        // The dossier's own workflows: the commands they run, with this build of the tool in place of .factdossier/'s.
        var check = WorkflowCommand(project, "check.yml", "check");
        Assert.Equal("dotnet run --project .factdossier/src/FactDossier -- check --root . --strict --format github", check);
        var checkRun = FactDossierProcess.Execute(Arguments(check, root));
        Assert.Equal((0, ""), (checkRun.ExitCode, checkRun.Stderr));
        var publish = WorkflowCommand(project, "pages.yml", "build");
        Assert.Equal("dotnet run --project .factdossier/src/FactDossier -- build --root . --strict --base-url \"${{ steps.pages.outputs.base_url }}/\"", publish);
        var published = FactDossierProcess.Execute([.. Arguments(publish[..publish.IndexOf(" \"${{", StringComparison.Ordinal)], root), "https://example.github.io/my-dossier/"]);
        Assert.Equal((0, ""), (published.ExitCode, published.Stderr));
        Assert.Empty(LinkIntegrityTests.BrokenLinks(project.Output, "/my-dossier/"));

        // `check --coverage` lists what the article says that the two claims do not cover, each with a `new claim`
        // command that works when pasted into a shell.
        var coverage = FactDossierProcess.Execute("check", "--root", root, "--coverage");
        Assert.Equal((0, ""), (coverage.ExitCode, coverage.Stderr));
        var uncovered = coverage.Stdout.Split('\n').Where(l => l.Contains(": info FD0205: ", StringComparison.Ordinal)).ToList();
        Assert.True(uncovered.Count == 2, coverage.Stdout); // the two reported statements its claims do not quote
        Assert.All(uncovered, l => Assert.StartsWith($"seeds/{ArticleId}.txt(", l, StringComparison.Ordinal));
        Assert.DoesNotContain(uncovered, l => l.Contains(Denial, StringComparison.Ordinal) || l.Contains(InCharge, StringComparison.Ordinal));
        var command = uncovered[0][(uncovered[0].IndexOf(" — new claim: ", StringComparison.Ordinal) + " — new claim: ".Length)..];
        var pasted = CoverageTests.Bash(command.Replace("dotnet run --project src/FactDossier --", $"dotnet {Path.Combine(AppContext.BaseDirectory, "FactDossier.dll")}", StringComparison.Ordinal));
        Assert.True(pasted.ExitCode == 0, $"{command}\n{pasted.Stdout}{pasted.Stderr}");
        Assert.StartsWith("wrote input/claims/", pasted.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_says_it_in_at_most_six_steps_with_the_commands_this_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Start your own dossier", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        Assert.InRange(Regex.Count(section, @"(?m)^\d\. "), 1, 6);
        foreach (var command in new[]
        {
            "dotnet run --project src/FactDossier -- new dossier ../my-dossier --title",
            "dotnet run --project src/FactDossier -- new article --root ../my-dossier --text article.txt --title",
            "dotnet run --project src/FactDossier -- new claim --root ../my-dossier --article <id> --quote",
            "dotnet run --project src/FactDossier -- --root ../my-dossier`",
            "dotnet run --project src/FactDossier -- check --root ../my-dossier --strict",
            "FACTDOSSIER_REPOSITORY", "FACTDOSSIER_REF", "pull request",
        })
        {
            Assert.Contains(command, section, StringComparison.Ordinal);
        }
    }

    private static FactDossierProcess.Run Run(params string[] args)
    {
        var run = FactDossierProcess.Execute(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run;
    }

    /// <summary>The claim file <c>new claim</c> says it wrote.</summary>
    private static string Written(FactDossierProcess.Run run) => WroteLine().Match(run.Stdout).Groups[1].Value;

    [GeneratedRegex(@"^wrote (input/claims/\S+\.yml)$", RegexOptions.Multiline)]
    private static partial Regex WroteLine();

    private static void WritePersonAndSource(TestProject project)
    {
        project.Write("input/people/ministry-of-lands-ghana.yml", """
            name: Ministry of Lands and Natural Resources (Ghana)
            kind: organisation
            organisation: Government of Ghana
            note: Its Public Affairs Directorate issued the statement of Friday 14 October 2022.
            """);
        project.Write("input/sources/citinewsroom-2022-10-14.yml", """
            publisher: Citi Newsroom
            title: We haven't blamed galamsey fiasco on military - Lands Ministry
            date: 2022-10-14
            url: https://citinewsroom.com/2022/10/we-havent-blamed-galamsey-fiasco-on-military-lands-ministry/
            language: en
            note: The headline is given as the page address spells it.
            """);
    }

    /// <summary>Every TODO of the new dossier replaced, line by line, with what an editor writes there.</summary>
    private static void FillTodos(TestProject project, string denial, string inCharge)
    {
        Fill(project, "input/site.yml",
            ("summary: ", "summary: Two statements of Ghana's Ministry of Lands and Natural Resources, as GhanaWeb reported them on 14 October 2022."),
            ("  name: ", "  name: FactDossier test newsroom"));
        project.Write("input/pages/methodology.md", TodoParagraph().Replace(project.Read("input/pages/methodology.md"), "This test dossier checks two statements of one article."));
        Fill(project, $"input/articles/{ArticleId}.yml", ("summary: ", "summary: The ministry says reports misread what its minister said about the military's role."));
        Fill(project, denial, Claim("Ministry says Jinapor did not blame the military for galamsey failures",
            "text: The article does not quote what the minister said at his press update of 13 October, only the ministry's account of it.",
            "qualifies\n    paragraph: 4", "The article reports the ministry's denial, not the minister's own words at the press update it is about."));
        Fill(project, inCharge, Claim("Ministry says Jinapor meant the military is fully in charge on the ground",
            "text: Citi Newsroom's report of the statement gives the same account of what the minister said.",
            "supports\n    source: citinewsroom-2022-10-14", "The ministry's account of its minister's words, which the article does not quote."));
    }

    private static (string, string)[] Claim(string headline, string counter, string relation, string summary) =>
    [
        ("headline: ", $"headline: {headline}"),
        ("published_on: ", "published_on: 2022-10-17"),
        ("  said_on: ", "  said_on: 2022-10-14"),
        ("  venue: ", "  venue: Statement of the ministry's Public Affairs Directorate"),
        ("  - text: ", $"  - {counter}"),
        ("    relation: ", $"    relation: {relation}"),
        ("  rating: ", "  rating: needs-context"),
        ("  summary: ", $"  summary: {YamlText.Quote(summary)}"),
        ("    TODO: ", "    Citi Newsroom reported the same statement of the ministry on 14 October 2022."),
        ("sources: ", "sources: [citinewsroom-2022-10-14]"),
    ];

    /// <summary>Replaces the one line starting with each prefix.</summary>
    private static void Fill(TestProject project, string file, params (string Prefix, string Line)[] lines)
    {
        var text = project.Read(file).Split('\n');
        foreach (var (prefix, line) in lines)
        {
            var at = Array.FindIndex(text, l => l.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(at >= 0, $"{file}: no line starts with '{prefix}'");
            text[at] = line;
        }

        project.Write(file, string.Join('\n', text));
    }

    [GeneratedRegex(@"(?m)^TODO:.*(\n.+)*")]
    private static partial Regex TodoParagraph();

    /// <summary>The command a workflow's job runs with FactDossier (the one <c>run:</c> that names it).</summary>
    private static string WorkflowCommand(TestProject project, string workflow, string job)
    {
        var diagnostics = new DiagnosticBag();
        var root = Assert.IsType<YamlMapping>(YamlTreeReader.Read(project.Read($".github/workflows/{workflow}"), workflow, diagnostics));
        Assert.Empty(diagnostics.ToSortedList());
        var jobs = (YamlMapping)root.Entries.Single(e => e.Key.Text == "jobs").Value;
        var steps = (YamlSequence)((YamlMapping)jobs.Entries.Single(e => e.Key.Text == job).Value).Entries.Single(e => e.Key.Text == "steps").Value;
        return steps.Items.Cast<YamlMapping>().SelectMany(s => s.Entries).Where(e => e.Key.Text == "run")
            .Select(e => ((YamlScalar)e.Value).Text).Single(r => r.Contains("src/FactDossier", StringComparison.Ordinal));
    }

    /// <summary>The tool's arguments in a workflow's command, the dossier (<c>.</c>) being <paramref name="root"/>.</summary>
    private static string[] Arguments(string command, string root) =>
        [.. command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ').Select(a => a == "." ? root : a)];
}
