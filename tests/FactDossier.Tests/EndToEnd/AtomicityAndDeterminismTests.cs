using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class AtomicityAndDeterminismTests
{
    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var project = TestProject.Minimal();
        Assert.True(project.Build().Succeeded);
        var first = OutputSnapshot.Of(project.Output);

        Assert.True(project.Build().Succeeded);

        OutputSnapshot.AssertIdentical(first, OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_files_are_listed_in()
    {
        using var project = TestProject.Minimal();
        project.Write("input/people/another.yml", "name: Another person\n");
        project.Write("input/sources/another.yml", "publisher: Another\ntitle: Another source\n");
        Assert.True(project.Build().Succeeded);
        var sorted = OutputSnapshot.Of(project.Output);

        var shuffled = SiteBuilder.Build(new BuildOptions(project.Layout) { Files = new ReversedFileEnumerator() });

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
        var theme = Path.Combine(project.Root, "theme");
        TestProject.Copy(RepositoryPaths.Theme, theme);
        File.AppendAllText(Path.Combine(theme, "layouts", "claim.liquid"), "<a href=\"{{ site.home_url }}no-such-page/\">broken</a>\n");

        var failed = SiteBuilder.Build(new BuildOptions(InputLayout.Under(project.Root)));

        Assert.Contains(failed.Diagnostics, d => d.Code.Id == "FD0401");
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.Empty(LeftoverStagingFolders(project));
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

    private sealed class ReversedFileEnumerator : IFileEnumerator
    {
        public IEnumerable<string> Enumerate(string directory, string pattern) =>
            IFileEnumerator.Sorted.Enumerate(directory, pattern).Reverse().ToList();
    }
}
