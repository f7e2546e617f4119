using System.Diagnostics;
using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Publishing;
using FactDossier.Tests.Support;
using static FactDossier.Tests.EndToEnd.CommandLineRebuildTests;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// The output folder's lock as the commands meet it: a build waits for the writer that holds it and says once for whom,
/// in its own process or through the build server; past its patience it fails with FD0406 and exit code 3, output/
/// untouched; <c>check</c> takes no lock; the lock of a killed build is free at once.
/// </summary>
public sealed class OutputLockProcessTests
{
    private static string LockOf(TestProject project) => OutputLock.PathFor(SiteRecord.PathFor(InputLayout.Under(project.Root)));

    private static string Waiting => $"waiting for the build of pid {Environment.ProcessId} (preview) to finish…";

    [Fact]
    public void A_build_waits_for_the_writer_that_holds_the_lock_then_gives_up_with_exit_code_3()
    {
        using var project = WithOwnTheme();
        Assert.True(SiteBuilder.Build(new BuildOptions(InputLayout.Under(project.Root))).Succeeded);
        Edit(project, "claim");
        var before = OutputSnapshot.Of(project.Output);
        using var held = OutputLock.Take(LockOf(project), "preview", TimeSpan.Zero, _ => { });

        var run = FactDossierProcess.ExecuteWith(new Dictionary<string, string> { ["FACTDOSSIER_LOCK_TIMEOUT"] = "2" }, "build", "--root", project.Root);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(1, Count(run.Stderr, Waiting));
        Assert.Contains("output(1,1): error FD0406: the output folder is being written by the build of pid", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("which did not finish within 2 s", run.Stderr, StringComparison.Ordinal);
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public async Task A_command_whose_build_the_server_makes_says_at_once_that_it_waits_and_builds_once_the_lock_is_free()
    {
        using var project = WithOwnTheme();
        Assert.Equal(0, FactDossierProcess.Execute(buildServer: true, "build", "--root", project.Root).ExitCode); // starts the server
        var socket = Serving.BuildServerAddress.For(new BuildOptions(InputLayout.Under(project.Root)), name => name == "FACTDOSSIER_BUILD_SERVER" ? "1" : null)!;
        Assert.True(SpinWait.SpinUntil(() => Serving.BuildServerClient.AnswersAsync(socket).GetAwaiter().GetResult(), TimeSpan.FromMinutes(1)));
        try
        {
            Edit(project, "claim");
            var held = OutputLock.Take(LockOf(project), "preview", TimeSpan.Zero, _ => { });
            using var build = FactDossierProcess.Start(buildServer: true, "build", "--root", project.Root, "-v");
            var stdout = build.StandardOutput.ReadToEndAsync();
            using (held)
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                Assert.Equal(Waiting, await build.StandardError.ReadLineAsync(patience.Token)); // while the lock is still held
            }

            var rest = await build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();
            Assert.Equal(0, build.ExitCode);
            Assert.Contains("build server    pid", await stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("waiting", rest, StringComparison.Ordinal); // once
            AssertSameAsCleanBuild(project);
        }
        finally
        {
            FactDossierProcess.Execute(buildServer: true, "server", "stop", "--root", project.Root);
        }
    }

    [Fact]
    public void Check_takes_no_lock()
    {
        using var project = WithOwnTheme();
        using var held = OutputLock.Take(LockOf(project), "preview", TimeSpan.Zero, _ => { });

        var check = FactDossierProcess.ExecuteWith(new Dictionary<string, string> { ["FACTDOSSIER_LOCK_TIMEOUT"] = "0" }, "check", "--root", project.Root);

        Assert.Equal(0, check.ExitCode);
        Assert.DoesNotContain("waiting", check.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A command line build killed while it writes: its lock goes with it, the next writer takes it at once.</summary>
    [Fact]
    public void The_lock_of_a_killed_build_is_free_at_once_and_the_next_build_makes_the_site()
    {
        using var project = WithOwnTheme();
        using var build = FactDossierProcess.Start(buildServer: false, "build", "--root", project.Root);
        var path = LockOf(project);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(path) && File.ReadAllText(path).StartsWith($"{build.Id}\nbuild\n", StringComparison.Ordinal) && Held(path),
            TimeSpan.FromMinutes(1)), "the build did not take the lock");

        build.Kill(); // SIGKILL
        build.WaitForExit();
        var clock = Stopwatch.StartNew();
        OutputLock.Take(path, "build", TimeSpan.Zero, _ => Assert.Fail("waited for a killed build")).Dispose();

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(0, FactDossierProcess.Execute("build", "--root", project.Root).ExitCode);
        AssertSameAsCleanBuild(project);
    }

    private static bool Held(string path)
    {
        try
        {
            OutputLock.Take(path, "test", TimeSpan.Zero, _ => { }).Dispose();
            return false;
        }
        catch (OutputBusyException)
        {
            return true;
        }
    }

    private static int Count(string text, string line) => text.Split('\n').Count(l => l.TrimEnd('\r') == line);
}
