using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;
using Xunit.Abstractions;
using static FactDossier.Tests.EndToEnd.CommandLineRebuildTests;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// A disk that fills up, or a folder that cannot be written, loses nothing: the build fails with a clear error naming
/// the folder, output/ and the record are exactly as the last build left them, and the next build, once it can write,
/// gives a clean build's site. The disks are real: a small tmpfs mounted for the test, and read-only bind mounts
/// (<see cref="ScratchDisk"/>; the tests run as root, whom permission bits would not stop).
/// </summary>
public sealed class DiskFaultTests(ITestOutputHelper log)
{
    private const string Template = "theme/layouts/_layout.liquid";

    /// <summary>
    /// Every amount of free space short of what a rebuild of every page needs, down to the last pages: wherever the
    /// build runs out (a staged page, the record written aside, the journal), it stops before output/ changes.
    /// </summary>
    [Fact]
    public void A_disk_that_fills_up_while_a_build_writes_loses_nothing_and_the_next_build_with_space_completes()
    {
        using var disk = ScratchDisk.Mount(48L << 20);
        using var project = TestProject.RealDossierAt(Path.Combine(disk.Path, "project"));
        var options = new BuildOptions(InputLayout.Under(project.Root));
        Assert.True(SiteBuilder.Build(options).Succeeded);
        var texts = new[] { project.Read(Template), project.Read(Template) + "\n<!-- every page changes -->\n" };
        var state = 1;
        project.Write(Template, texts[state]);

        // The command line on a full disk: the error names the folder and the cause, and the exit code is 1.
        disk.FillLeaving(0);
        var before = Disk.Of(project);
        var full = FactDossierProcess.Execute("--root", project.Root);
        Assert.Equal(1, full.ExitCode);
        Assert.Contains("output(1,1): error FD0403: cannot write the site: the disk is full", full.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: free some space and build again: output/ and .cache/ are as the last build left them", full.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal); // no stack trace
        before.AssertUnchanged(project);
        disk.Unfill();

        // The least free space with which the rebuild succeeds, to a page; each failed try on the way loses nothing.
        var (failing, succeeding) = (0L, disk.Free);
        var where = new SortedDictionary<string, int>(StringComparer.Ordinal);
        while (succeeding - failing > 4096)
        {
            var free = (failing + succeeding) / 2;
            if (Try(free))
            {
                succeeding = free;
            }
            else
            {
                failing = free;
            }
        }

        // The last pages short of it: the last writes of a build, the record written aside and the journal.
        for (var k = 1; k <= 24 && succeeding - (k * 4096) >= 0; k++)
        {
            Try(succeeding - (k * 4096));
        }

        log.WriteLine($"a rebuild of every page needs {succeeding / 1024} KiB free; builds that ran out, by what they were writing: "
            + string.Join(", ", where.Select(w => $"{w.Key} {w.Value}")));
        Assert.True(where.ContainsKey("a staged file"), "no build ran out while staging");
        Assert.True(where.ContainsKey("the record"), "no build ran out while writing its record aside");

        disk.Unfill();
        Assert.True(SiteBuilder.Build(options).Succeeded);
        AssertSameAsCleanBuild(project);

        // One build with this much free space: false when it failed (having lost nothing), true when it built.
        bool Try(long free)
        {
            disk.FillLeaving(free);
            var kept = Disk.Of(project);
            var result = SiteBuilder.Build(options);
            disk.Unfill();
            if (result.Succeeded)
            {
                state = 1 - state; // the next try has every page to write again
                project.Write(Template, texts[state]);
                return true;
            }

            var error = Assert.Single(result.Diagnostics, d => d.IsError);
            Assert.Equal("FD0403", error.Code.Id);
            Assert.StartsWith("cannot write the site: the disk is full", error.Message, StringComparison.Ordinal);
            var what = error.Message.Contains(".staging-", StringComparison.Ordinal) ? "a staged file"
                : error.Message.Contains(".bin.", StringComparison.Ordinal) ? "the record"
                : error.Message.Contains(".journal", StringComparison.Ordinal) ? "the journal"
                : error.Message;
            where[what] = where.GetValueOrDefault(what) + 1;
            kept.AssertUnchanged(project);
            return false;
        }
    }

    /// <summary>
    /// The record is written aside before output/ changes: with output/ on another disk than .cache/, putting the site in
    /// place frees nothing where the record goes, and a record larger than the last (claims added) that could not be
    /// written then would leave a new output/ and no record.
    /// </summary>
    [Fact]
    public void A_full_disk_under_the_cache_with_output_on_another_fails_the_build_before_output_changes()
    {
        using var disk = ScratchDisk.Mount(48L << 20);
        using var project = TestProject.RealDossierAt(Path.Combine(disk.Path, "project"));
        using var elsewhere = TestProject.Empty(); // a folder of /tmp: another disk
        var options = new BuildOptions(InputLayout.Under(project.Root, output: Path.Combine(elsewhere.Root, "site")));
        Assert.True(SiteBuilder.Build(options).Succeeded);
        var claim = project.Read("input/claims/article-attacks-continued.yml");
        for (var n = 0; n < 20; n++)
        {
            project.Write($"input/claims/added-{n}.yml", claim.Replace("\nid: article-attacks-continued\n", $"\nid: added-{n}\n", StringComparison.Ordinal));
        }

        var site = OutputSnapshot.Of(options.Layout.Output);
        var record = File.ReadAllBytes(SiteRecord.PathFor(options.Layout));

        disk.FillLeaving(0);
        var result = SiteBuilder.Build(options);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("FD0403", error.Code.Id);
        Assert.Contains("the disk is full", error.Message, StringComparison.Ordinal);
        OutputSnapshot.AssertIdentical(site, OutputSnapshot.Of(options.Layout.Output));
        Assert.Equal(record, File.ReadAllBytes(SiteRecord.PathFor(options.Layout)));
        disk.Unfill();
        Assert.True(SiteBuilder.Build(options).Succeeded);
        Assert.Equal(0, SiteBuilder.Build(options).Stats.Written); // and its record tells the truth
    }

    [Theory]
    [InlineData("output", "a claim edited")]
    [InlineData("output", "no record")]
    [InlineData(".cache", "a claim edited")]
    [InlineData(".cache", "no record")]
    public void A_folder_that_cannot_be_written_fails_the_build_with_nothing_lost(string folder, string change)
    {
        using var disk = ScratchDisk.Mount(48L << 20);
        using var project = TestProject.RealDossierAt(Path.Combine(disk.Path, "project"));
        var options = new BuildOptions(InputLayout.Under(project.Root));
        Assert.True(SiteBuilder.Build(options).Succeeded);
        Edit(project, "claim");
        if (change == "no record")
        {
            SiteRecord.Delete(options.Layout); // the build writes a whole new site: output/ swapped, not changed file by file
        }

        var before = Disk.Of(project);
        BuildResult result;
        using (disk.ReadOnly(project.PathOf(folder)))
        {
            result = SiteBuilder.Build(options);
        }

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("FD0403", error.Code.Id);
        Assert.Equal("output", error.Span.Path);
        Assert.Contains("Read-only file system", error.Message, StringComparison.Ordinal);
        Assert.Contains(project.PathOf(folder), error.Message, StringComparison.Ordinal); // names the folder that refused
        before.AssertUnchanged(project);
        Assert.True(SiteBuilder.Build(options).Succeeded);
        AssertSameAsCleanBuild(project);
    }

    /// <summary>What a failed build must leave as it found it: every file of output/, the record's bytes, the cache's files, and no staging folder or journal.</summary>
    private sealed record Disk(SortedDictionary<string, byte[]> Output, byte[]? Record, string[] Cache, string[] Beside)
    {
        public static Disk Of(TestProject project)
        {
            var record = SiteRecord.PathFor(InputLayout.Under(project.Root));
            return new(OutputSnapshot.Of(project.Output), File.Exists(record) ? File.ReadAllBytes(record) : null,
                [.. Directory.EnumerateFiles(project.PathOf(".cache"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)],
                [.. Directory.EnumerateFileSystemEntries(project.Root, "*output*").Order(StringComparer.Ordinal)]);
        }

        public void AssertUnchanged(TestProject project)
        {
            var now = Of(project);
            OutputSnapshot.AssertIdentical(Output, now.Output);
            Assert.Equal(Record, now.Record);
            Assert.Equal(Cache, now.Cache); // no temporary file left behind
            Assert.Equal(Beside, now.Beside); // no staging folder or journal
        }
    }
}
