using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Serving;
using FactDossier.Tests.Support;
using static FactDossier.Tests.EndToEnd.CommandLineRebuildTests;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// The build server makes the command line's builds with the preview's memory and the command line's record both: after
/// any edit its output is a clean build's, byte for byte; it adopts output/ only when that is exactly what the input makes;
/// and a build made without it since, or output/ touched by hand, makes it start again from the record.
/// </summary>
public sealed class BuildServerTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";

    [Theory]
    [MemberData(nameof(Edits), MemberType = typeof(CommandLineRebuildTests))]
    public void A_server_build_after_an_edit_writes_what_a_clean_build_writes_and_leaves_a_true_record(string edit)
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);

        Edit(project, edit);
        var rebuild = Serve(options, memory);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        AssertSameAsCleanBuild(project);
        if (edit is "claim" or "claim comment")
        {
            Assert.InRange(rebuild.Stats.Rendered, 1, rebuild.Stats.Pages / 2);
        }

        // Its memory of this build serves the next edit; its record, a command line build without it.
        Edit(project, "added claim");
        Assert.True(Serve(options, memory).Succeeded);
        AssertSameAsCleanBuild(project);
        var times = ModificationTimes(project.Output);
        Assert.Equal(0, SiteBuilder.Build(options).Stats.Written);
        Assert.Equal(times, ModificationTimes(project.Output));
    }

    [Fact]
    public void Warming_up_reads_every_page_and_writes_nothing()
    {
        using var project = WithOwnTheme();
        Assert.True(SiteBuilder.Build(Options(project)).Succeeded);
        var times = ModificationTimes(project.Output);
        var record = File.ReadAllBytes(SiteRecord.PathFor(InputLayout.Under(project.Root)));
        var memory = new BuildMemory { KeepsNoRecord = false };

        var warm = SiteBuilder.WarmUp(Options(project), memory);
        memory.FinishBackgroundWork();

        Assert.NotNull(memory.Last);
        Assert.Equal((warm.Stats.Pages, 0), (warm.Stats.Rendered, warm.Stats.Written));
        Assert.Equal(times, ModificationTimes(project.Output));
        Assert.Equal(record, File.ReadAllBytes(SiteRecord.PathFor(InputLayout.Under(project.Root))));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(project.Root, "*output*").Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("input edited since the last build")]
    [InlineData("an output file deleted")]
    [InlineData("no record")]
    public void Warming_up_adopts_nothing_when_output_is_not_what_the_input_makes(string difference)
    {
        using var project = WithOwnTheme();
        Assert.True(SiteBuilder.Build(Options(project)).Succeeded);
        switch (difference)
        {
            case "input edited since the last build":
                Edit(project, "claim");
                break;
            case "an output file deleted":
                File.Delete(Path.Combine(project.Output, "claims.json"));
                break;
            default:
                SiteRecord.Delete(InputLayout.Under(project.Root));
                break;
        }

        var snapshot = OutputSnapshot.Of(project.Output);
        var memory = new BuildMemory { KeepsNoRecord = false };

        SiteBuilder.WarmUp(Options(project), memory);
        memory.FinishBackgroundWork();

        Assert.Null(memory.Last);
        OutputSnapshot.AssertIdentical(snapshot, OutputSnapshot.Of(project.Output));
        Assert.True(Serve(Options(project), memory).Succeeded); // the next command's build makes up for it
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void Warming_up_adopts_nothing_when_an_edit_is_saved_while_it_reads()
    {
        using var project = WithOwnTheme();
        Assert.True(SiteBuilder.Build(Options(project)).Succeeded);
        var snapshot = OutputSnapshot.Of(project.Output);
        var memory = new BuildMemory { KeepsNoRecord = false };
        var savedDuringTheLoad = Options(project) with { Files = new BuildServerReviewTests.OnFirstListing("claims", () => Edit(project, "claim")) };

        SiteBuilder.WarmUp(savedDuringTheLoad, memory);
        memory.FinishBackgroundWork();

        Assert.Null(memory.Last); // what it read is not what output/ shows
        OutputSnapshot.AssertIdentical(snapshot, OutputSnapshot.Of(project.Output));
        Assert.True(Serve(Options(project), memory).Succeeded);
        AssertSameAsCleanBuild(project);
    }

    [Theory]
    [InlineData("an output file deleted")]
    [InlineData("an output file changed")]
    [InlineData("a build without the server")]
    [InlineData("the record deleted")]
    public void Output_changed_behind_the_servers_back_is_rebuilt_from_the_record(string change)
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        switch (change)
        {
            case "an output file deleted":
                File.Delete(Path.Combine(project.Output, "claims", "kyiv-crimea-15-years", "index.html"));
                break;
            case "an output file changed":
                File.WriteAllText(Path.Combine(project.Output, "index.html"), "changed by hand");
                break;
            case "a build without the server":
                Edit(project, "added claim");
                Assert.True(SiteBuilder.Build(options).Succeeded);
                break;
            default:
                SiteRecord.Delete(InputLayout.Under(project.Root));
                break;
        }

        Edit(project, "claim");
        var rebuild = Serve(options, memory);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        AssertSameAsCleanBuild(project);
    }

    [Theory]
    [InlineData("after its warm-up")]
    [InlineData("after a build of its own")]
    public void The_server_goes_by_the_record_it_adopted_or_wrote_without_reading_it_again(string when)
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        if (when == "after a build of its own")
        {
            Edit(project, "claim");
            Assert.True(Serve(options, memory).Succeeded);
        }

        // The record's file, same length and time, other bytes: read again, it would be no record, and a full build.
        var path = SiteRecord.PathFor(InputLayout.Under(project.Root));
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, new byte[new FileInfo(path).Length]);
        File.SetLastWriteTimeUtc(path, written);
        Edit(project, "claim comment");
        var rebuild = Serve(options, memory);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        Assert.InRange(rebuild.Stats.Rendered, 1, rebuild.Stats.Pages / 2);
        AssertSameAsCleanBuild(project);
        Assert.NotNull(SiteRecord.Read(options)); // and it wrote its record of this build
    }

    [Fact]
    public void The_command_hands_its_build_to_the_server_it_started_and_server_stop_ends_it()
    {
        using var project = WithOwnTheme();
        var root = project.Root;

        var first = FactDossierProcess.Execute(buildServer: true, "build", "--root", root, "-v");
        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("build server", first.Stdout, StringComparison.Ordinal); // built in its own process
        var socket = BuildServerAddress.For(Options(project), name => name == "FACTDOSSIER_BUILD_SERVER" ? "1" : Environment.GetEnvironmentVariable(name));
        Assert.NotNull(socket);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(socket), TimeSpan.FromMinutes(1)), "no server listens after the first build");

        Edit(project, "claim");
        var second = FactDossierProcess.Execute(buildServer: true, "build", "--root", root, "-v");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("build server    pid", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("written to output", second.Stdout, StringComparison.Ordinal);
        AssertSameAsCleanBuild(project);

        // An editor's error comes back as the command's own: the same line, the same exit code.
        project.Write(Claim, project.Read(Claim).Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));
        var failed = FactDossierProcess.Execute(buildServer: true, "build", "--root", root);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("input/claims/article-attacks-continued.yml(", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("error FD", failed.Stderr, StringComparison.Ordinal);

        var stop = FactDossierProcess.Execute(buildServer: true, "server", "stop", "--root", root);
        Assert.Equal("build server stopped", stop.Stdout.Trim());
        Assert.True(SpinWait.SpinUntil(() => !File.Exists(socket), TimeSpan.FromMinutes(1)), "the server did not stop");
        Assert.Equal("no build server was running", FactDossierProcess.Execute(buildServer: true, "server", "stop", "--root", root).Stdout.Trim());
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "true", false)]
    [InlineData(null, "false", true)]
    [InlineData("1", "true", true)]
    [InlineData("0", null, false)]
    [InlineData("off", null, false)]
    public void The_server_is_on_by_default_and_off_under_CI_unless_asked(string? setting, string? ci, bool on) =>
        Assert.Equal(on, BuildServerAddress.IsOn(name => name switch { "FACTDOSSIER_BUILD_SERVER" => setting, "CI" => ci, _ => null }));

    /// <summary>A command line build, then the server it starts, warmed up from the output and record that build left.</summary>
    internal static (BuildOptions Options, BuildMemory Memory) ServedBy(TestProject project)
    {
        var options = Options(project);
        Assert.True(SiteBuilder.Build(options).Succeeded);
        var memory = new BuildMemory { KeepsNoRecord = false };
        SiteBuilder.WarmUp(options, memory);
        Assert.NotNull(memory.Last);
        return (options, memory);
    }

    internal static BuildResult Serve(BuildOptions options, BuildMemory memory)
    {
        var result = SiteBuilder.Build(options, memory);
        memory.FinishBackgroundWork(); // as the server does before its next build: the replaced files deleted
        return result;
    }

    private static BuildOptions Options(TestProject project) => new(InputLayout.Under(project.Root));
}
