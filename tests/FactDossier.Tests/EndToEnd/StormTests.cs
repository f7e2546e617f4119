using System.Collections.Concurrent;
using System.Diagnostics;
using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Serving;
using FactDossier.Tests.Support;
using Xunit.Abstractions;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// Every writer of one output folder at once, on a 1,000-claim dossier (builds long enough to overlap): <c>preview</c>,
/// two command lines building through the build server and one without it, each building again and again, while a
/// fifth task edits four claims' headlines every 0.7 s. No command crashes, nothing is left beside output/ once all
/// have stopped, and one more build gives exactly a clean build's site of the final input. The lock makes them take
/// turns; this test is what says the turns are enough. <c>STORM_RUNS=10</c> runs it ten times in a row (the suite
/// runs it once: about a minute and a half here).
/// </summary>
public sealed class StormTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Editing = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan EditEvery = TimeSpan.FromSeconds(0.7);

    [Fact]
    public async Task Preview_three_command_line_builds_and_edits_at_once_end_with_a_clean_build_s_site()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("STORM_RUNS"), out var n) ? n : 1;
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var summary = await StormAsync(run);
            log.WriteLine($"run {run}: {summary}, {clock.Elapsed.TotalSeconds:0} s in all");
        }
    }

    private static async Task<string> StormAsync(int run)
    {
        using var project = TestProject.ClonedDossier(1000);
        TestProject.Copy(RepositoryPaths.Theme, project.PathOf("theme"));
        var socket = BuildServerAddress.For(new BuildOptions(InputLayout.Under(project.Root)), name => name == "FACTDOSSIER_BUILD_SERVER" ? "1" : null)!;
        Process? preview = null;
        try
        {
            // The server first (two commands starting one each at the same moment is another story), then the preview.
            Assert.Equal(0, FactDossierProcess.Execute(buildServer: true, "build", "--root", project.Root).ExitCode);
            Assert.True(SpinWait.SpinUntil(() => BuildServerClient.AnswersAsync(socket).GetAwaiter().GetResult(), TimeSpan.FromMinutes(2)), "no build server");
            preview = FactDossierProcess.Start(buildServer: false, "preview", "--root", project.Root, "--port", "0");
            var previewOut = new ConcurrentQueue<string>();
            var previewErr = new ConcurrentQueue<string>();
            preview.OutputDataReceived += (_, e) => previewOut.Enqueue(e.Data ?? "");
            preview.ErrorDataReceived += (_, e) => previewErr.Enqueue(e.Data ?? "");
            preview.BeginOutputReadLine();
            preview.BeginErrorReadLine();
            Assert.True(SpinWait.SpinUntil(() => previewOut.Any(l => l.StartsWith("Serving ", StringComparison.Ordinal)), TimeSpan.FromMinutes(2)), "the preview did not serve");

            using var editing = new CancellationTokenSource(Editing);
            var edits = Task.Run(() => EditAsync(project, editing.Token));
            var lanes = new[] { ("server", true), ("server", true), ("own", false) }
                .Select(lane => Task.Run(() => BuildAgainAndAgain(project, lane.Item2, editing.Token))).ToArray();
            var editCount = await edits;
            var builds = await Task.WhenAll(lanes);

            FactDossierProcess.Terminate(preview);
            Assert.True(preview.WaitForExit(TimeSpan.FromMinutes(2)), "the preview did not stop");
            Assert.Contains(preview.ExitCode, (int[])[0, 143]); // 143: stopped by SIGTERM, as System.CommandLine reports it
            Assert.Equal("build server stopped", FactDossierProcess.Execute(buildServer: true, "server", "stop", "--root", project.Root).Stdout.Trim());
            Assert.True(SpinWait.SpinUntil(() => !File.Exists(socket), TimeSpan.FromMinutes(1)), "the server did not stop");

            var all = builds.SelectMany(b => b).ToList();
            Assert.All(all, b => Assert.True(b.ExitCode == 0 || (b.ExitCode == 1 && b.Stderr.Contains(": error FD", StringComparison.Ordinal)), $"exit {b.ExitCode}: {b.Stderr}"));
            Assert.All(all, b => Assert.DoesNotContain("Unhandled exception", b.Stderr, StringComparison.Ordinal));
            Assert.DoesNotContain(previewErr, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
            Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(project.Root, "*output*").Select(Path.GetFileName)); // no staging folder, journal or retired files

            Assert.Equal(0, FactDossierProcess.Execute("build", "--root", project.Root).ExitCode);
            CommandLineRebuildTests.AssertSameAsCleanBuild(project);
            var waits = all.Count(b => b.Stderr.Contains("waiting for the build of pid", StringComparison.Ordinal))
                + previewErr.Count(l => l.StartsWith("waiting for the build of pid", StringComparison.Ordinal));
            return $"{editCount} edits, command line builds {string.Join(" + ", builds.Select(b => b.Count))} (through the server, through the server, own process), "
                + $"{all.Count(b => b.ExitCode != 0)} failed on a half-saved file, {previewOut.Count(l => l.StartsWith("build ", StringComparison.Ordinal))} preview builds, {waits} waits said";
        }
        finally
        {
            if (preview is { HasExited: false })
            {
                preview.Kill(entireProcessTree: true);
            }

            preview?.Dispose();

            FactDossierProcess.Execute(buildServer: true, "server", "stop", "--root", project.Root);
        }
    }

    /// <summary>Four claims' headlines rewritten in place every 0.7 s, as an editor saves, until told to stop.</summary>
    private static async Task<int> EditAsync(TestProject project, CancellationToken stop)
    {
        var claims = Directory.GetFiles(project.PathOf("input/claims"), "*.yml").Order(StringComparer.Ordinal).Take(4).ToArray();
        var originals = claims.Select(File.ReadAllText).ToArray();
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            count++;
            for (var i = 0; i < claims.Length; i++)
            {
                await File.WriteAllTextAsync(claims[i], originals[i].Replace("\nheadline: ", $"\nheadline: ({count}) ", StringComparison.Ordinal), CancellationToken.None);
            }

            try
            {
                await Task.Delay(EditEvery, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>One command line building again and again until the edits stop, then once more.</summary>
    private static List<FactDossierProcess.Run> BuildAgainAndAgain(TestProject project, bool server, CancellationToken stop)
    {
        var runs = new List<FactDossierProcess.Run>();
        do
        {
            using var process = FactDossierProcess.Start(server, "build", "--root", project.Root);
            var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(CancellationToken.None), process.StandardError.ReadToEndAsync(CancellationToken.None));
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "a build did not finish");
            runs.Add(new FactDossierProcess.Run(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult()));
        }
        while (!stop.IsCancellationRequested);

        return runs;
    }
}
