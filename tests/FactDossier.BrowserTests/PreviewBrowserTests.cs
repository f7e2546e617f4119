using System.Diagnostics;
using System.Text.RegularExpressions;
using FactDossier.BrowserTests.Support;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests;

/// <summary>`preview` with a real browser tab open: an edit reloads the tab, a broken file shows its problems over the page.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed partial class PreviewBrowserTests(ServedSite site)
{
    [Fact]
    public async Task An_open_tab_reloads_after_an_edit_and_shows_the_problems_of_a_broken_build()
    {
        using var project = TestProject.Minimal();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "FactDossier.dll"), "preview", "--root", project.Root, "--theme", RepositoryPaths.Theme, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var preview = Process.Start(start)!;
        preview.BeginErrorReadLine();
        try
        {
            string? url = null;
            while (url is null && await preview.StandardOutput.ReadLineAsync() is { } line)
            {
                url = Serving().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.NotNull(url);
            _ = preview.StandardOutput.ReadToEndAsync();
            await using var tab = await RecordedPage.OpenAsync(site.Browser);
            await tab.GoAsync(url + "claims/reduce/");
            await tab.Page.WaitForTimeoutAsync(500); // the event stream connects

            project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("Not what happened.", "Reloaded by itself.", StringComparison.Ordinal));
            await tab.Page.Locator(".verdict-summary", new() { HasText = "Reloaded by itself." }).WaitForAsync(new() { Timeout = 15_000 });

            project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("article: talks", "article: [talks", StringComparison.Ordinal));
            var overlay = tab.Page.Locator("#factdossier-overlay");
            await overlay.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Contains("input/claims/reduce.yml(", await overlay.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("FD0002", await overlay.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("alert", await overlay.GetAttributeAsync("role"));

            project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("article: [talks", "article: talks", StringComparison.Ordinal));
            await overlay.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached, Timeout = 15_000 });
            Assert.Empty(tab.ConsoleErrors);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-TERM", preview.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await preview.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"^Serving .* at (http://127\.0\.0\.1:\d+/\S*)$")]
    private static partial Regex Serving();
}
