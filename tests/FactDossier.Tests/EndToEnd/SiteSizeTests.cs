using FactDossier.Building;
using FactDossier.Publishing;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary><c>max_site_size_mb</c> (GitHub Pages' 1 GB by default): a site over it warns, and fails under <c>--strict</c> before anything is written.</summary>
public sealed class SiteSizeTests
{
    private static void Limit(TestProject project, int megabytes) =>
        project.Write("input/site.yml", string.Join('\n', project.Read("input/site.yml").Split('\n').Where(l => !l.StartsWith("max_site_size_mb:", StringComparison.Ordinal)))
            + $"\nmax_site_size_mb: {megabytes}\n");

    private static long Bytes(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    [Fact]
    public void A_site_over_its_size_warns_naming_its_largest_folders_and_is_published()
    {
        using var project = TestProject.RealDossier();
        Limit(project, 1);

        var result = project.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("FD0407", Diagnostics.Severity.Warning, "input/site.yml"), (warning.Code.Id, warning.Severity, warning.Span.Path));
        // The size is the published site's, to the tenth of a megabyte, and the largest folder is named first.
        var total = Bytes(project.Output);
        var largest = Directory.GetDirectories(project.Output).MaxBy(Bytes)!;
        Assert.Contains($"the site is {total / 1e6:N1} MB, over max_site_size_mb (1 MB); largest folders: {Path.GetFileName(largest)}/ {Bytes(largest) / 1e6:N1} MB",
            warning.Message, StringComparison.Ordinal);
        Assert.Contains("share_cards: false", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_strict_a_site_over_its_size_is_an_error_and_output_stays_as_it_was()
    {
        using var project = TestProject.RealDossier();
        Assert.True(project.Build().Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        Limit(project, 1);
        var headline = project.Read("input/claims/stoltenberg-russia-lied.yml");
        project.Write("input/claims/stoltenberg-russia-lied.yml", headline.Replace("headline: ", "headline: Edited, ", StringComparison.Ordinal));

        var result = SiteBuilder.Build(new BuildOptions(project.Layout, Strict: true) { BaseUrl = new Uri("https://example.org/dossier/") });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("FD0407", Diagnostics.Severity.Error), (error.Code.Id, error.Severity));
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void A_rebuild_counts_the_files_it_left_in_place_at_their_recorded_size()
    {
        using var project = TestProject.RealDossier();
        Assert.True(project.Build().Succeeded);
        var megabytes = (int)Math.Ceiling(Bytes(project.Output) / 1e6) + 1;
        Limit(project, megabytes);
        Assert.Empty(project.Build().Diagnostics);

        // One claim's explanation grows by 2 MB: only its pages and the data files are written again, and the site, with
        // every other file counted at its recorded size, is now over the limit.
        const string Claim = "input/claims/stoltenberg-russia-lied.yml";
        var words = string.Concat(Enumerable.Repeat("word ", 400_000));
        project.Write(Claim, project.Read(Claim).Replace("  explanation: |\n", $"  explanation: |\n    {words}\n\n", StringComparison.Ordinal));
        var result = project.Build();

        Assert.True(result.Stats.Rendered < result.Stats.Pages, $"{result.Stats.Rendered} of {result.Stats.Pages} pages rendered: not a rebuild");
        Assert.Equal("FD0407", Assert.Single(result.Diagnostics).Code.Id);
        Assert.Contains($"the site is {Bytes(project.Output) / 1e6:N1} MB", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_is_counted_by_top_level_folder_largest_first_and_unknown_when_a_file_is()
    {
        var lengths = new Dictionary<string, long> { ["index.html"] = 10, ["share/claims/a.png"] = 300, ["share/home.png"] = 200, ["claims/a/index.html"] = 400 };

        var size = SiteSize.Of(lengths.Keys, f => lengths[f])!;

        Assert.Equal(910, size.Bytes);
        Assert.Equal([("share/", 500L), ("claims/", 400L), ("", 10L)], size.Folders);
        Assert.Null(SiteSize.Of([.. lengths.Keys, "sitemap.xml"], f => lengths.TryGetValue(f, out var l) ? l : null));
    }
}
