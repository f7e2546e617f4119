using System.Diagnostics;
using FactDossier.Publishing;
using FactDossier.Tests.Support;
using Xunit.Abstractions;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// A build killed with SIGKILL at any moment leaves output/ holding the old site, or a journal whose replay (the first
/// thing the next build does) gives the new one: never a mix of the two.
/// </summary>
public sealed class KilledBuildTests(ITestOutputHelper log)
{
    [Fact]
    public void A_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var template = project.PathOf("theme/layouts/_layout.liquid");
        var texts = new[] { File.ReadAllText(template), File.ReadAllText(template) + "\n<!-- every page changes -->\n" };
        var sites = new SortedDictionary<string, byte[]>[2];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++)
        {
            File.WriteAllText(template, texts[i]);
            clock.Restart();
            Assert.Equal(0, FactDossierProcess.Execute("--root", project.Root).ExitCode);
            sites[i] = OutputSnapshot.Of(project.Output);
        }

        var fullRun = clock.Elapsed;
        Assert.False(Same(sites[0], sites[1]));
        var random = new Random(16);
        var (journals, trials) = (0, 12);
        for (var trial = 0; trial < trials; trial++)
        {
            var (from, to) = (trial % 2 == 0 ? 1 : 0, trial % 2 == 0 ? 0 : 1);
            File.WriteAllText(template, texts[to]);
            using (var build = FactDossierProcess.Start("--root", project.Root))
            {
                if (trial % 4 < 2)
                {
                    Thread.Sleep(fullRun * random.NextDouble() * 1.2); // any moment of the run
                }
                else
                {
                    // While the files are put in place: a few milliseconds of the run, which random moments seldom hit.
                    var journal = Path.Combine(project.Root, ".output.journal");
                    while (!File.Exists(journal) && !build.HasExited)
                    {
                    }

                    Thread.SpinWait(random.Next(0, 200_000));
                }

                build.Kill(); // SIGKILL
                build.WaitForExit();
            }

            var state = OutputSnapshot.Of(project.Output);
            if (File.Exists(Path.Combine(project.Root, ".output.journal")))
            {
                journals++;
                StagedOutputFolder.Recover(project.Output);
                OutputSnapshot.AssertIdentical(sites[to], OutputSnapshot.Of(project.Output));
            }
            else
            {
                Assert.True(Same(state, sites[from]) || Same(state, sites[to]), $"trial {trial}: output/ is neither the old site nor the new one");
            }

            Assert.Equal(0, FactDossierProcess.Execute("--root", project.Root).ExitCode);
            OutputSnapshot.AssertIdentical(sites[to], OutputSnapshot.Of(project.Output));
        }

        log.WriteLine($"{trials} builds killed, {journals} while they put files in place (a full run takes {fullRun.TotalMilliseconds:0} ms)");
    }

    private static bool Same(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Keys.SequenceEqual(b.Keys, StringComparer.Ordinal) && a.All(file => file.Value.AsSpan().SequenceEqual(b[file.Key]));
}
