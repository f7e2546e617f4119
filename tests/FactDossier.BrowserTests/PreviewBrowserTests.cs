using FactDossier.BrowserTests.Support;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests;

/// <summary>`preview` with a real browser tab open: an edit reloads the tab, a broken file shows its problems over the page.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class PreviewBrowserTests(ServedSite site)
{
    [Fact]
    public async Task An_open_tab_reloads_after_an_edit_and_shows_the_problems_of_a_broken_build()
    {
        var browser = site.Browser;
        using var project = TestProject.Minimal();
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(20),
            "--root", project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            await using var tab = await RecordedPage.OpenAsync(browser);
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
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }
}
