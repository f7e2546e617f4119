using System.Diagnostics;
using System.Text.Json;
using FactDossier.BrowserTests.Support;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests;

/// <summary>The W3C Nu HTML Checker over every generated page of the seed and of its paginated build, in one JVM start.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class HtmlValidityTests(ServedSite site)
{
    [Fact]
    public async Task Every_generated_page_is_valid_html()
    {
        var (checker, missing) = await NuChecker.FindAsync();
        if (checker is null)
        {
            MissingTool.Announce(missing!);
            MissingTool.Stop(missing!);
        }

        var start = new ProcessStartInfo(checker.Java) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", checker.Jar, "--errors-only", "--format", "json", "--skip-non-html", site.RootOutput, site.OutputOf(site.Paginated) })
        {
            start.ArgumentList.Add(arg);
        }

        var cancel = TestContext.Current.CancellationToken;
        using var java = Process.Start(start)!;
        var stdout = java.StandardOutput.ReadToEndAsync(cancel);
        var stderr = await java.StandardError.ReadToEndAsync(cancel); // vnu writes its JSON report to stderr
        await java.WaitForExitAsync(cancel);
        var report = stderr.Length > 0 ? stderr : await stdout;

        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{(m.TryGetProperty("url", out var url) ? url.GetString() : "")}:" +
                $"{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(ServedSite.Pages(site.RootOutput).Count > 50);
        Assert.True(ServedSite.Pages(site.OutputOf(site.Paginated)).Count > 100);
    }
}
