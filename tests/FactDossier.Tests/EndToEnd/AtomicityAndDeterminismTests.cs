using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class AtomicityAndDeterminismTests
{
    [Fact]
    public void Two_builds_of_the_same_input_into_different_folders_are_byte_identical()
    {
        using var project = TestProject.Minimal();
        var first = InputLayout.Under(project.Root, theme: RepositoryPaths.Theme, output: "first");
        var second = InputLayout.Under(project.Root, theme: RepositoryPaths.Theme, output: "elsewhere/second");

        Assert.True(SiteBuilder.Build(new BuildOptions(first)).Succeeded);
        Assert.True(SiteBuilder.Build(new BuildOptions(second)).Succeeded);

        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(first.Output), OutputSnapshot.Of(second.Output));
        Assert.True(OutputSnapshot.Of(first.Output).Count > 15);
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_files_are_listed_in()
    {
        using var project = TestProject.Minimal();
        project.Write("input/people/another.yml", "name: Another person\n");
        project.Write("input/sources/another.yml", "publisher: Another\ntitle: Another source\n");
        Assert.True(project.Build().Succeeded);
        var sorted = OutputSnapshot.Of(project.Output);

        var shuffled = SiteBuilder.Build(new BuildOptions(project.Layout) { Files = new ShuffledFileEnumerator(seed: 31) });

        Assert.True(shuffled.Succeeded);
        OutputSnapshot.AssertIdentical(sorted, OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_untouched()
    {
        using var project = TestProject.Minimal();
        Assert.True(project.Build().Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("radicalement", "radicalment", StringComparison.Ordinal));

        var failed = project.Build();

        Assert.False(failed.Succeeded);
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.Empty(LeftoverStagingFolders(project));
    }

    [Fact]
    public void A_build_that_fails_while_rendering_leaves_the_previous_output_untouched()
    {
        using var project = TestProject.Minimal();
        Assert.True(project.Build().Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        var layout = project.WithThemeChange("claim.liquid", "<a href=\"{{ site.home_url }}no-such-page/\">broken</a>\n");

        var failed = SiteBuilder.Build(new BuildOptions(layout));

        Assert.Contains(failed.Diagnostics, d => d.Code.Id == "FD0401");
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.Empty(LeftoverStagingFolders(project));
    }

    [Fact]
    public async Task A_build_killed_after_its_first_page_leaves_the_previous_output_untouched_and_the_next_build_cleans_up()
    {
        using var project = TestProject.Minimal();
        var claim = project.Read("input/claims/reduce.yml");
        for (var i = 0; i < 1500; i++)
        {
            project.Write($"input/claims/many/reduce-{i}.yml", claim); // enough pages to stop the build in the middle
        }

        Assert.True(project.Build().Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        project.Write("input/claims/reduce.yml", claim.Replace("Not what happened.", "Changed.", StringComparison.Ordinal));
        // Without the last build's record the build is a full one, staging every page for long enough to be caught;
        // a record would let it stage the few changed pages in a blink (killed incremental builds: KilledBuildTests).
        Directory.Delete(project.PathOf(".cache/factdossier"), recursive: true);

        using var process = FactDossierProcess.Start("--root", project.Root, "--theme", RepositoryPaths.Theme);
        var firstPage = await WaitForAsync(() => LeftoverStagingFolders(project)
            .Any(f => Directory.EnumerateFiles(f, "*.html", SearchOption.AllDirectories).Any()), TimeSpan.FromSeconds(60));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.True(firstPage, "the build never wrote a page");
        Assert.NotEqual(0, process.ExitCode);
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.NotEmpty(LeftoverStagingFolders(project)); // what a killed build leaves behind…

        Assert.True(project.Build().Succeeded);
        Assert.Empty(LeftoverStagingFolders(project)); // …the next build removes
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(5);
        }

        return false;
    }

    [Fact]
    public void A_cancelled_build_leaves_the_previous_output_untouched()
    {
        using var project = TestProject.Minimal();
        Assert.True(project.Build().Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("Not what happened.", "Changed.", StringComparison.Ordinal));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SiteBuilder.Build(new BuildOptions(project.Layout), cancellation.Token));

        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.Empty(LeftoverStagingFolders(project));
    }

    [Fact]
    public void An_output_path_that_cannot_be_a_folder_is_reported_and_left_alone()
    {
        using var project = TestProject.Minimal();
        project.Write("output", "a file where the site should go\n");

        var result = project.Build();

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("FD0403", error.Code.Id);
        Assert.Equal("output", error.Span.Path);
        Assert.Equal("a file where the site should go\n", project.Read("output"));
        Assert.Empty(LeftoverStagingFolders(project));
    }

    private static IEnumerable<string> LeftoverStagingFolders(TestProject project) =>
        Directory.EnumerateDirectories(project.Root, ".output.*");

    private sealed class ShuffledFileEnumerator(int seed) : IFileEnumerator
    {
        private readonly Random _random = new(seed);

        public IEnumerable<string> Enumerate(string directory, string pattern)
        {
            var files = IFileEnumerator.Sorted.Enumerate(directory, pattern).ToArray();
            _random.Shuffle(files);
            return files;
        }
    }
}
