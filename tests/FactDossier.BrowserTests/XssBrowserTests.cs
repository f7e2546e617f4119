using FactDossier.BrowserTests.Support;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests;

/// <summary>The XSS corpus site in Chromium: no dialog opens, no script of a payload runs, no request leaves the host.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class XssBrowserTests(ServedSite site)
{
    [Fact]
    public async Task No_payload_runs_in_a_real_browser()
    {
        var browser = site.Browser;
        var server = await site.ServeAsync(XssDossier.Create(), "/");
        await using var tab = await RecordedPage.OpenAsync(browser);
        await tab.Page.AddInitScriptAsync("window.__scripts = 0; new MutationObserver(r => r.forEach(m => m.addedNodes.forEach(n => { if (n.tagName === 'SCRIPT') window.__scripts++; }))).observe(document, { childList: true, subtree: true });");

        var pages = 0;
        foreach (var page in Pages(server))
        {
            var response = await tab.GoAsync(server.BaseUrl + page);
            Assert.True(response.Ok, $"{response.Status} for {server.BaseUrl + page}");
            await tab.Page.WaitForTimeoutAsync(20); // let any injected handler fire
            var scripts = await tab.Page.EvaluateAsync<int>("() => document.querySelectorAll('script:not([type=\"application/ld+json\"]):not([src$=\"/assets/site.js\"])').length");
            Assert.True(scripts == 0, $"{page}: a payload created a script element");
            pages++;
        }

        Assert.True(pages > 3 * XssDossier.Payloads.Count);
        Assert.Empty(tab.Dialogs);
        Assert.True(tab.ConsoleErrors.IsEmpty, string.Join("\n", tab.ConsoleErrors));
        Assert.All(tab.Requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
    }

    private IReadOnlyList<string> Pages(StaticSiteServer server) => ServedSite.Pages(site.OutputOf(server));
}
