using System.IO.Hashing;
using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;
using static FactDossier.Tests.EndToEnd.BuildServerTests;
using static FactDossier.Tests.EndToEnd.CommandLineRebuildTests;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// A review of the build server: whatever happens between its builds, a build it makes writes what a clean build of
/// the same input writes, and leaves a record that a later build without it can trust. The first tests hold the record
/// written after the reply (<c>BuildMemory.AfterBuild</c>) to the files as the build left them, and to no record at all
/// when another build wrote one meanwhile; the others cover sequences of builds with and without the server.
/// </summary>
public sealed class BuildServerReviewTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";
    private const string ClaimPage = "claims/article-attacks-continued/index.html";

    // ---- The record written after the reply -------------------------------------------------------------------------

    /// <summary>
    /// <c>factdossier build &amp;&amp; postprocess output/</c>: the command has its reply and exits while the server has not yet
    /// written its record; the script changes a page the build just wrote. The record, written afterwards, stamps the
    /// changed page as the build's own bytes, so no later build writes it again (without the server, the change is seen
    /// as damage and repaired).
    /// </summary>
    [Fact]
    public void A_page_changed_right_after_the_server_replied_is_written_again_by_the_next_build()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        Edit(project, "claim");
        using var gate = new ManualResetEventSlim();
        try
        {
            var served = SiteBuilder.Build(WithBackgroundHeldBack(options, memory, gate), memory);
            Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));

            // The command has printed its reply and returned: the caller's next step runs.
            File.AppendAllText(Path.Combine(project.Output, ClaimPage), "<!-- added by a script after the build -->\n");
        }
        finally
        {
            gate.Set();
        }

        memory.FinishBackgroundWork();

        Assert.True(SiteBuilder.Build(options).Succeeded); // a build without the server: must see the page is not its own
        AssertSameAsCleanBuild(project);
    }

    /// <summary>
    /// A build without the server (FACTDOSSIER_BUILD_SERVER=0, or the command building itself because the server did not
    /// answer) started after the server replied and before it wrote its record: the server still holds the output
    /// folder's lock, so that build waits, says so, and then builds from the server's record. (Before the lock, it built
    /// at once, and the server's record then replaced its own and claimed the server's bytes for files it had replaced.)
    /// </summary>
    [Fact]
    public async Task A_build_without_the_server_right_after_its_reply_waits_for_the_servers_record()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        Edit(project, "claim"); // "Attacks on Kyiv …"
        using var gate = new ManualResetEventSlim();
        var told = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Task<BuildResult> without;
        try
        {
            Assert.True(SiteBuilder.Build(WithBackgroundHeldBack(options, memory, gate), memory).Succeeded);
            Replace(project, Claim, "headline: Attacks on", "headline: Heavy attacks on");
            without = Task.Run(() => SiteBuilder.Build(options with { Waiting = told.Enqueue })); // without the server, before its record is written
            Assert.NotSame(without, await Task.WhenAny(without, Task.Delay(TimeSpan.FromSeconds(2)))); // it waits for the server's record
            Assert.Equal([$"waiting for the build of pid {Environment.ProcessId} (build server) to finish…"], told);
        }
        finally
        {
            gate.Set();
        }

        var built = await without.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        memory.FinishBackgroundWork();
        AssertRecordTellsTheTruth(options, project);
        AssertSameAsCleanBuild(project);
        Replace(project, Claim, "headline: Heavy attacks on", "headline: Attacks on"); // back to what the server built

        Assert.True(SiteBuilder.Build(options).Succeeded);
        AssertSameAsCleanBuild(project);
    }

    // ---- Sequences of builds with and without the server --------------------------------------------------

    [Fact]
    public void An_edit_saved_while_a_server_build_reads_is_built_by_the_next_one_and_the_record_stays_true()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        Edit(project, "claim");
        var savedDuringTheLoad = options with { Files = new OnFirstListing("claims", () => Edit(project, "added claim")) };

        Assert.True(Serve(savedDuringTheLoad, memory).Succeeded);
        AssertRecordTellsTheTruth(options, project);
        Assert.True(Serve(options, memory).Succeeded);

        AssertSiteAndRecordAreTrue(options, project);
    }

    [Fact]
    public void A_failed_server_build_then_the_edit_reverted_writes_nothing_and_keeps_a_true_record()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);
        var before = OutputSnapshot.Of(project.Output);
        project.Write(Claim, original.Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));

        Assert.False(Serve(options, memory).Succeeded);
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        project.Write(Claim, original);
        var rebuild = Serve(options, memory);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        Assert.Equal(0, rebuild.Stats.Written);
        AssertSiteAndRecordAreTrue(options, project);
    }

    [Fact]
    public void Two_server_builds_in_a_row_the_second_reverting_the_first_give_a_clean_builds_output()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);

        Edit(project, "claim");
        Assert.True(Serve(options, memory).Succeeded);
        project.Write(Claim, original);
        Assert.True(Serve(options, memory).Succeeded);

        AssertSiteAndRecordAreTrue(options, project);
    }

    [Fact]
    public void A_preview_build_on_the_same_output_between_two_server_builds_is_seen()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);
        Edit(project, "claim");
        Assert.True(Serve(options, memory).Succeeded);

        // The preview (its memory keeps no record) writes output/ back to the original claim.
        project.Write(Claim, original);
        var preview = new BuildMemory();
        Assert.True(SiteBuilder.Build(options, preview).Succeeded);
        preview.FinishBackgroundWork();
        Edit(project, "claim"); // the same edit again: the server's memory has exactly this
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSiteAndRecordAreTrue(options, project);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void A_damaged_record_makes_the_server_build_from_scratch(string damage)
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var path = SiteRecord.PathFor(options.Layout);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage == "garbage" ? [.. bytes.Select(b => (byte)(b ^ 0x5A))] : bytes[..(bytes.Length / 2)]);
        Edit(project, "claim");

        Assert.True(Serve(options, memory).Succeeded);

        AssertRecordTellsTheTruth(options, project);
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_warm_up_after_a_build_that_could_not_keep_its_memory_adopts_and_serves_the_next_edit()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        Edit(project, "claim");
        Assert.True(SiteBuilder.Build(options).Succeeded); // without the server: its memory no longer describes output/
        Replace(project, Claim, "headline: Attacks on", "headline: Heavy attacks on");

        Assert.True(Serve(options, memory).Succeeded); // goes by the record, renders some pages: keeps no memory
        Assert.Null(memory.Last);
        SiteBuilder.WarmUp(options, memory); // as the server does after replying
        memory.FinishBackgroundWork();
        Assert.NotNull(memory.Last);
        Replace(project, Claim, "headline: Heavy attacks on", "headline: Attacks on"); // back to what the build without the server wrote
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        Assert.InRange(served.Stats.Rendered, 1, served.Stats.Pages / 2);
        AssertRecordTellsTheTruth(options, project);
        AssertSameAsCleanBuild(project);
    }

    /// <summary>With a base URL the site has share images, which the server keeps by their source's hash, as the record does.</summary>
    [Fact]
    public void Share_images_through_the_server_are_a_clean_builds_and_the_record_stays_true()
    {
        using var project = WithOwnTheme();
        var options = new BuildOptions(InputLayout.Under(project.Root)) { BaseUrl = new Uri("https://example.org/dossier/") };
        Assert.True(SiteBuilder.Build(options).Succeeded);
        var memory = new BuildMemory { KeepsNoRecord = false };
        SiteBuilder.WarmUp(options, memory);
        memory.FinishBackgroundWork();
        Assert.NotNull(memory.Last);
        Assert.NotEmpty(Directory.EnumerateFiles(project.Output, "*.png", SearchOption.AllDirectories));

        Edit(project, "claim");
        Assert.True(Serve(options, memory).Succeeded);
        Edit(project, "deleted claim");
        Assert.True(Serve(options, memory).Succeeded);
        File.Delete(Directory.EnumerateFiles(project.Output, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        Replace(project, Claim, "headline: Attacks on", "headline: Heavy attacks on");
        Assert.True(Serve(options, memory).Succeeded);

        AssertRecordTellsTheTruth(options, project);
        using var clean = TestProject.RealDossier();
        foreach (var folder in new[] { "input", "theme" })
        {
            if (Directory.Exists(clean.PathOf(folder)))
            {
                Directory.Delete(clean.PathOf(folder), recursive: true);
            }

            TestProject.Copy(project.PathOf(folder), clean.PathOf(folder));
        }

        Assert.True(SiteBuilder.Build(options with { Layout = InputLayout.Under(clean.Root) }).Succeeded);
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(clean.Output), OutputSnapshot.Of(project.Output));
        AssertACommandLineBuildWritesNothing(options, project);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------------

    /// <summary>The options of a server build whose work left for after the reply waits for <paramref name="gate"/>.</summary>
    private static BuildOptions WithBackgroundHeldBack(BuildOptions options, BuildMemory memory, ManualResetEventSlim gate) =>
        // Queued while the build loads: after the build's own wait for the last build's work, before its record.
        options with { Files = new OnFirstListing("claims", () => memory.AfterBuild(() => gate.Wait(TimeSpan.FromMinutes(2)))) };

    /// <summary>Output is a clean build's, the record says so, and a command line build after it finds nothing to do.</summary>
    private static void AssertSiteAndRecordAreTrue(BuildOptions options, TestProject project)
    {
        AssertRecordTellsTheTruth(options, project);
        AssertSameAsCleanBuild(project);
        AssertACommandLineBuildWritesNothing(options, project);
    }

    /// <summary>The record on disk names every file of output/, with its stamp and (but for the images, kept by their source's hash) the hash of its bytes.</summary>
    internal static void AssertRecordTellsTheTruth(BuildOptions options, TestProject project)
    {
        var record = SiteRecord.Read(options);
        Assert.NotNull(record);
        var files = Directory.EnumerateFiles(project.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, record.Outputs.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in record.Outputs)
        {
            var full = Path.Combine(project.Output, path);
            Assert.True(FileStamp.Of(full) == file.Stamp, $"{path}: the record has another stamp");
            if (!path.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.True(XxHash128.HashToUInt128(File.ReadAllBytes(full)) == file.Hash, $"{path}: the record has other bytes");
            }
        }
    }

    internal static void AssertACommandLineBuildWritesNothing(BuildOptions options, TestProject project)
    {
        var times = ModificationTimes(project.Output);
        var result = SiteBuilder.Build(options);
        Assert.True(result.Succeeded);
        Assert.Equal(0, result.Stats.Written);
        Assert.Equal(times, ModificationTimes(project.Output));
    }

    /// <summary>Lists files as usual, after running an action the first time it lists a folder ending with the given name.</summary>
    internal sealed class OnFirstListing(string folder, Action action) : IFileEnumerator
    {
        private int _done;

        public IEnumerable<string> Enumerate(string directory, string pattern)
        {
            if (directory.EndsWith(folder, StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0)
            {
                action();
            }

            return IFileEnumerator.Sorted.Enumerate(directory, pattern);
        }
    }
}
