using FactDossier.Building;
using FactDossier.Preview;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The preview rehearses an edit once it serves: the site stays byte for byte the same, and nothing is reported.</summary>
public sealed class PreviewRehearsalTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";

    [Fact]
    public async Task The_rehearsal_changes_no_byte_reports_nothing_and_the_next_edit_lands_as_a_full_build_would()
    {
        using var project = TestProject.RealDossier();
        var reported = new List<BuildStatus>();
        using var stopping = new CancellationTokenSource();
        using (var loop = new RebuildLoop(new BuildOptions(project.Layout), status => { lock (reported) { reported.Add(status); } }))
        {
            Assert.True(loop.BuildNow().Result.Succeeded);
            var served = OutputSnapshot.Of(project.Output);
            // The rehearsed claim, the first by id: only an edit of it renders its page again.
            var first = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(project.PathOf("input/claims"), "*.yml").Order(StringComparer.Ordinal).First());
            var page = Path.Combine(project.Output, "claims", first, "index.html");
            var pageWritten = File.GetLastWriteTimeUtc(page);
            Assert.True(File.Exists(page));

            var running = loop.RunAsync(stopping.Token);
            await Until(() => loop.Memory.LastKind == "incremental");
            loop.Memory.FinishBackgroundWork();
            OutputSnapshot.AssertIdentical(served, OutputSnapshot.Of(project.Output));
            Assert.True(File.GetLastWriteTimeUtc(page) > pageWritten, "the rehearsal rendered the claim's page again");
            Assert.Single(reported);

            project.Write(Claim, project.Read(Claim).Replace("headline: Russian attacks", "headline: Attacks", StringComparison.Ordinal));
            await Until(() => { lock (reported) { return reported.Count == 2; } });
            Assert.True(reported[1].Result.Succeeded, string.Join("\n", reported[1].Result.Diagnostics));
            await stopping.CancelAsync();
            await running;
        }

        using var reference = TestProject.RealDossier();
        reference.Write(Claim, project.Read(Claim));
        Assert.True(reference.Build().Succeeded);
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(reference.Output), OutputSnapshot.Of(project.Output));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
