using System.Security.Cryptography;
using System.Text;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>`new article`: the text copied into seeds/ byte for byte, its metadata written, and every bad input refused with its place.</summary>
public sealed class NewArticleTests
{
    private const string Id = "lands-ministry-says-jinapor-2022-10-14";
    private const string Url = "https://www.ghanaweb.com/GhanaHomePage/NewsArchive/Abu-Jinapor-s-statement-on-the-role-of-military-in-galamsey-fight-misconstrued-Lands-Ministry-1642766";

    private static string RealText => Path.Combine(RepositoryPaths.Fixtures, "real-article", "ghanaweb-2022-10-14.txt");

    /// <summary>The options for the fixture's real article, from the given text file.</summary>
    private static string[] Options(TestProject project, string text, params string[] more) =>
    [
        "new", "article", "--root", project.Root, "--text", text,
        "--title", "Lands Ministry says Jinapor's statement on the military's role in the galamsey fight was misreported",
        "--date", "2022-10-14", "--language", "en", "--publisher", "GhanaWeb", "--url", Url, .. more,
    ];

    private static Dictionary<string, string> Snapshot(TestProject project) =>
        Directory.GetFiles(project.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void The_text_is_copied_byte_for_byte_its_metadata_written_and_the_article_builds()
    {
        using var project = TestProject.Minimal();
        // A byte-order mark and Windows line ends, as a text saved on Windows may have: kept as received.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(File.ReadAllText(RealText).Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();
        project.WriteBytes("received/article.txt", bytes);

        var run = FactDossierProcess.Execute(Options(project, project.PathOf("received/article.txt")));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Contains($"wrote seeds/{Id}.txt\nwrote input/articles/{Id}.yml\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"new claim --root {project.Root} --article {Id} --quote", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(project.PathOf($"seeds/{Id}.txt")));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "real-article", "ghanaweb-2022-10-14.yml")), project.Read($"input/articles/{Id}.yml"));

        var build = project.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Equal([$"input/articles/{Id}.yml(8,10): FD0111"], build.Diagnostics.Select(d => $"{d.Span}: {d.Code.Id}"));
        var page = File.ReadAllText(project.PathOf($"output/articles/{Id}/index.html"));
        Assert.Contains("Lands Ministry says Jinapor&#39;s statement", page.Replace("&#x27;", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("the Public Affairs Directorate of the Ministry said the the statement", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_an_unknown_language_an_impossible_date_and_a_bad_address_are_all_reported_in_one_run_and_nothing_is_written()
    {
        using var project = TestProject.Minimal();
        var before = Snapshot(project);
        var missing = project.PathOf("received/none.txt");

        var run = FactDossierProcess.Execute(
            "new", "article", "--root", project.Root, "--text", missing, "--title", "A title", "--date", "2022-02-30", "--language", "french", "--url", "www.example.org/a");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "--date(1,1): error FD0007: 'date': '2022-02-30' is not a possible date (February 2022 has 28 days)",
                "--language(1,1): error FD0015: 'french' is not a language code",
                $"--text(1,1): error FD0012: the file '{missing}' does not exist",
                "--url(1,1): error FD0008: 'url': 'www.example.org/a' is not an absolute http(s) URL",
            ],
            run.Stderr.Split('\n').Where(l => l.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("hint: write 'https://www.example.org/a'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(project));
    }

    [Fact]
    public void A_text_that_is_not_utf8_is_refused_at_its_first_bad_byte()
    {
        using var project = TestProject.Minimal();
        // Latin-1, as an old editor saves it: "é" is one byte, 0xE9.
        project.WriteBytes("received/latin1.txt", Encoding.Latin1.GetBytes("First paragraph.\nLe ministre a déclaré jeudi.\n"));
        var before = Snapshot(project);

        var run = FactDossierProcess.Execute(Options(project, project.PathOf("received/latin1.txt")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{project.PathOf("received/latin1.txt")}(2,16): error FD0001: byte 0xE9 is not valid UTF-8", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: save the file as UTF-8", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(project));
    }

    [Fact]
    public void An_existing_article_or_seed_is_never_written_over()
    {
        using var project = TestProject.Minimal();
        Assert.Equal(0, FactDossierProcess.Execute(Options(project, RealText)).ExitCode);
        project.Write("seeds/orphan.txt", "A text no article names.\n");
        var before = Snapshot(project);

        var again = FactDossierProcess.Execute(Options(project, RealText));
        var seedTaken = FactDossierProcess.Execute(Options(project, RealText, "--id", "orphan"));
        var badId = FactDossierProcess.Execute(Options(project, RealText, "--id", "Lands_Ministry"));

        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"--title(1,1): error FD0101: an article with the id '{Id}' already exists; it is not overwritten", again.Stderr, StringComparison.Ordinal);
        Assert.Contains($"--title(1,1): error FD0501: seeds/{Id}.txt already exists; it is not overwritten", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, seedTaken.ExitCode);
        Assert.Contains("--id(1,1): error FD0501: seeds/orphan.txt already exists; it is not overwritten", seedTaken.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, badId.ExitCode);
        Assert.Contains("--id(1,1): error FD0010: 'Lands_Ministry' is not a valid id", badId.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(project));
    }

    [Fact]
    public void What_makes_quoting_harder_is_a_warning_with_its_line_and_the_article_is_written_all_the_same()
    {
        using var project = TestProject.Minimal();
        project.Write("received/glued.txt", File.ReadAllText(RealText).Replace('\n', ' '));

        var run = FactDossierProcess.Execute(Options(project, project.PathOf("received/glued.txt")));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{project.PathOf("received/glued.txt")}(1,1): warning FD0502: the text has no paragraph breaks: 1664 characters on one line", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(project.PathOf($"input/articles/{Id}.yml")));
    }
}
