using System.Diagnostics;
using System.Text.Json;
using FactDossier.BrowserTests.Support;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests;

/// <summary>The W3C Nu HTML Checker over every generated page, in one JVM start.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class HtmlValidityTests(ServedSite site)
{
    private static string VnuJar()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("VNU_JAR"),
            Path.Combine(RepositoryPaths.Root, ".cache", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
        };
        return candidates.FirstOrDefault(c => c is { Length: > 0 } && File.Exists(c))
            ?? throw new InvalidOperationException(
                "The Nu HTML Checker is not installed: run `npm install --prefix .cache/vnu vnu-jar` at the repository root " +
                "(needs Java 17: `sudo apt-get install -y default-jre-headless`), or set VNU_JAR to a vnu.jar.");
    }

    [Fact]
    public async Task Every_generated_page_is_valid_html()
    {
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", VnuJar(), "--errors-only", "--format", "json", "--skip-non-html", site.RootOutput })
        {
            start.ArgumentList.Add(arg);
        }

        using var java = Process.Start(start) ?? throw new InvalidOperationException("java is not installed: `sudo apt-get install -y default-jre-headless`");
        var stdout = java.StandardOutput.ReadToEndAsync();
        var stderr = await java.StandardError.ReadToEndAsync(); // vnu writes its JSON report to stderr
        await java.WaitForExitAsync();
        var report = stderr.Length > 0 ? stderr : await stdout;

        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"{new Uri(m.GetProperty("url").GetString()!).LocalPath[site.RootOutput.Length..]}:" +
                $"{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(ServedSite.Pages(site.RootOutput).Count > 50);
    }
}
