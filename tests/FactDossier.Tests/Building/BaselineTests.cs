using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.EndToEnd;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Building;

/// <summary>
/// What the last build left, resolved once before the stages: nothing, the record on disk, or a process's memory,
/// and from it what changed. The stages are handed the result and do not know which kind it was.
/// </summary>
public sealed class BaselineTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";

    [Fact]
    public void A_first_build_knows_nothing_and_everything_changed()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);

        using var baseline = Baseline.Resolve(options, memory: null);

        Assert.Null(baseline.Record);
        Assert.Null(baseline.Last);
        Assert.False(baseline.NothingChanged);
        Assert.Null(DeltaOf(baseline, options).Claims);
        Assert.Null(baseline.Previous(DeltaOf(baseline, options)));
    }

    [Fact]
    public void After_a_build_the_record_says_nothing_changed_then_which_claim_was_edited()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);
        Assert.True(SiteBuilder.Build(options).Succeeded);

        using (var unchanged = Baseline.Resolve(options, memory: null))
        {
            Assert.True(unchanged.NothingChanged);
        }

        Edit(project);
        using var edited = Baseline.Resolve(options, memory: null);
        var delta = DeltaOf(edited, options);

        Assert.False(edited.NothingChanged);
        Assert.Equal(["article-attacks-continued"], delta.Claims!);
        Assert.False(edited.Previous(delta)!.KnowsLinks); // the record keeps each page's ids, not its links
    }

    [Fact]
    public void A_file_of_output_changed_by_hand_is_damaged_and_rewritten()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);
        Assert.True(SiteBuilder.Build(options).Succeeded);
        File.AppendAllText(Path.Combine(project.Output, "about", "index.html"), "<!-- edited by hand -->");

        using var baseline = Baseline.Resolve(options, memory: null);

        Assert.False(baseline.NothingChanged);
        Assert.Equal(["about/index.html"], baseline.Damaged);
    }

    [Fact]
    public void A_preview_s_memory_is_its_baseline_and_the_loaded_objects_tell_what_changed()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);
        var memory = new BuildMemory();
        Assert.True(SiteBuilder.Build(options, memory).Succeeded);
        memory.FinishBackgroundWork();

        Edit(project);
        using var baseline = Baseline.Resolve(options, memory);
        var delta = DeltaOf(baseline, options);

        Assert.NotNull(baseline.Last);
        Assert.Null(baseline.Record); // the preview keeps no record
        Assert.Equal(["article-attacks-continued"], delta.Claims!);
        Assert.True(baseline.Previous(delta)!.KnowsLinks);
    }

    /// <summary>What memory keeps of a build is that build, not the site before it: that one held the one before it, and so on.</summary>
    [Fact]
    public void Memory_keeps_the_last_site_and_lets_the_one_before_it_go()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);
        var memory = new BuildMemory();
        Assert.True(SiteBuilder.Build(options, memory).Succeeded);
        memory.FinishBackgroundWork();
        var first = Weakly(memory);

        Edit(project);
        Assert.True(SiteBuilder.Build(options, memory).Succeeded);
        memory.FinishBackgroundWork();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal("incremental", memory.LastKind);
        Assert.False(first.IsAlive, "the first build's site is still held by the second's");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // no reference left on the test's frame
    private static WeakReference Weakly(BuildMemory memory) => new(memory.Last);

    /// <summary>
    /// The preview keeps no record: its memory is the truth only while output/ was last changed by it, as the output
    /// lock's mark says. A command line build between two of its builds, the edit then undone: the preview's memory
    /// holds the data files as they were before that build, and, trusted, would leave that build's claims.json in place.
    /// </summary>
    [Theory]
    [InlineData("a command line build")]
    [InlineData("another preview")]
    public void A_preview_s_memory_is_dropped_once_another_writer_changed_output(string writer)
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);
        var original = project.Read(Claim);
        var memory = new BuildMemory();
        Assert.True(SiteBuilder.Build(options, memory).Succeeded);
        memory.FinishBackgroundWork();

        Edit(project);
        if (writer == "a command line build")
        {
            Assert.True(SiteBuilder.Build(options).Succeeded);
        }
        else
        {
            var other = new BuildMemory(); // a second preview of the same output folder
            Assert.True(SiteBuilder.Build(options, other).Succeeded);
            other.FinishBackgroundWork();
        }

        project.Write(Claim, original);
        File.SetLastWriteTimeUtc(project.PathOf(Claim), DateTime.UtcNow.AddSeconds(4));
        var rebuilt = SiteBuilder.Build(options, memory);
        memory.FinishBackgroundWork();

        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        CommandLineRebuildTests.AssertSameAsCleanBuild(project); // trusted, the memory left the other build's claims.json
        Assert.Equal("full", memory.LastKind);
    }

    /// <summary>The build server's one rule: its memory is the truth only while the record on disk is the one it wrote.</summary>
    [Fact]
    public void A_build_server_s_memory_is_dropped_once_another_build_wrote_the_record()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var options = Options(project);
        var memory = new BuildMemory { KeepsNoRecord = false };
        Assert.True(SiteBuilder.Build(options, memory).Succeeded);
        memory.FinishBackgroundWork(); // its record written, after the reply

        using (var own = Baseline.Resolve(options, memory))
        {
            Assert.NotNull(own.Last);
        }

        Edit(project);
        Assert.True(SiteBuilder.Build(options).Succeeded); // another build, and its record
        using var baseline = Baseline.Resolve(options, memory);

        Assert.Null(baseline.Last);
        Assert.NotNull(baseline.Record);
        Assert.True(baseline.NothingChanged);
    }

    private static BuildOptions Options(TestProject project) => new(InputLayout.Under(project.Root));

    private static Delta DeltaOf(Baseline baseline, BuildOptions options) =>
        baseline.DeltaOf(DossierLoader.Load(options.Layout, cache: baseline.Files).Dossier!, ThemeStamp.Of(options.Layout.Theme));

    private static void Edit(TestProject project)
    {
        var path = project.PathOf(Claim);
        File.WriteAllText(path, File.ReadAllText(path).Replace("headline: Russian attacks", "headline: Attacks", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(2)); // as a save a moment later
    }
}
