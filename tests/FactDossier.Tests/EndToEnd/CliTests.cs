using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class CliTests
{
    [Fact]
    public void Build_without_a_command_writes_the_site_and_prints_a_summary()
    {
        using var project = TestProject.Minimal();

        var run = FactDossierProcess.Execute("--root", project.Root, "--theme", RepositoryPaths.Theme);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(project.Output, "index.html")));
        Assert.Contains("claims          1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("quotes anchored 2 of 3", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"elapsed\s+\d+ ms", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Errors_go_to_stderr_in_compiler_format_with_exit_code_1_and_no_stack_trace()
    {
        using var project = TestProject.Minimal();
        project.UseInvalidFixture("claims/unknown-speaker.yml");
        project.UseInvalidFixture("claims/yaml-unclosed-flow.yml");

        var run = FactDossierProcess.Execute("build", "--root", project.Root, "--theme", RepositoryPaths.Theme);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("input/claims/yaml-unclosed-flow.yml(16,7): error FD0002: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.Output));
    }

    [Fact]
    public void Check_writes_nothing_and_github_format_prints_annotations()
    {
        using var project = TestProject.Minimal();
        project.UseInvalidFixture("claims/unknown-speaker.yml");

        var run = FactDossierProcess.Execute("check", "--root", project.Root, "--theme", RepositoryPaths.Theme, "--format", "github");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error file=input/claims/unknown-speaker.yml,line=4,col=12,title=FD0102::no person has the id 'ministre'; did you mean 'minister'?",
            run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.Output));
    }

    [Fact]
    public void Github_format_prints_exactly_one_annotation_per_problem_with_its_hint()
    {
        using var project = TestProject.Minimal();
        project.UseInvalidFixture("claims/invalid-relation.yml");
        project.UseInvalidFixture("claims/impossible-date.yml");

        var run = FactDossierProcess.Execute("check", "--root", project.Root, "--theme", RepositoryPaths.Theme, "--format", "github");

        Assert.Equal(
            [
                "::error file=input/claims/impossible-date.yml,line=6,col=12,title=FD0007::'said_on': '2022-02-30' is not a possible date (February 2022 has 28 days)",
                "::error file=input/claims/invalid-relation.yml,line=11,col=15,title=FD0011::'contradict' is not a valid relation; did you mean 'contradicts'?%0Ahint: use one of: contradicts, qualifies, supports",
            ],
            run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Check_of_a_valid_project_exits_0_without_writing()
    {
        using var project = TestProject.Minimal();

        var run = FactDossierProcess.Execute("check", "--root", project.Root, "--theme", RepositoryPaths.Theme);

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(project.Output));
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("publish")]
    [InlineData("check", "--format", "xml")]
    public void Bad_usage_exits_with_2(params string[] args)
    {
        var run = FactDossierProcess.Execute(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_commands_and_options()
    {
        var run = FactDossierProcess.Execute("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "build", "check", "--root", "--input", "--output", "--base-path", "--format" })
        {
            Assert.Contains(word, run.Stdout, StringComparison.Ordinal);
        }
    }
}
