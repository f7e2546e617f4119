using System.Text.Json;
using System.Text.RegularExpressions;
using FactDossier.BrowserTests.Support;
using Microsoft.Playwright;

namespace FactDossier.BrowserTests;

/// <summary>The seed dossier in a real Chromium, as a reader on a desktop and on a phone uses it.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class ReaderTests(ServedSite site)
{
    private int ClaimCount()
    {
        using var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.RootOutput, "claims.json")));
        return claims.RootElement.GetProperty("claims").GetArrayLength();
    }

    private static Task<int> VisibleCards(IPage page) =>
        page.EvaluateAsync<int>("() => [...document.querySelectorAll('.claim-card')].filter(c => c.offsetParent !== null).length");

    [Fact]
    public async Task Home_lists_every_claim()
    {
        await using var tab = await RecordedPage.OpenAsync(site.Browser);
        await tab.GoAsync(site.Root.BaseUrl);

        Assert.Equal(ClaimCount(), await VisibleCards(tab.Page));
        Assert.True(ClaimCount() >= 16);
    }

    [Fact]
    public async Task Clicking_a_highlighted_quote_lands_on_its_claim_at_the_right_place()
    {
        await using var tab = await RecordedPage.OpenAsync(site.Browser);
        await tab.GoAsync(site.Root.BaseUrl + "articles/istanbul-talks-2022-03-31/");

        await tab.Page.Locator("#q-moscow-radically-reduce").ClickAsync();

        // Web-first assertions poll until they hold: WaitForURL's load-event wait raced the click's navigation on a busy CI machine.
        await Assertions.Expect(tab.Page).ToHaveURLAsync(new Regex("/claims/moscow-radically-reduce/#statement$"));
        await Assertions.Expect(tab.Page.Locator(":target")).ToHaveIdAsync("statement");
        await Assertions.Expect(tab.Page.Locator("#statement")).ToBeInViewportAsync();
        Assert.True(await tab.Page.EvaluateAsync<bool>(
            "() => { const r = document.getElementById('statement').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"));
        Assert.Contains("radicalement", await tab.Page.Locator("#statement blockquote").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_a_claim_on_a_later_page_by_a_word_of_its_verdict_summary_and_filters_by_verdict_from_the_keyboard()
    {
        var (word, claimUrl) = SearchIndexReader.WordOfOneVerdictSummaryOnly(site.OutputOf(site.Paginated), onHomePageAfter: 1);
        await using var tab = await RecordedPage.OpenAsync(site.Browser);
        await tab.GoAsync(site.Paginated.BaseUrl);
        Assert.Equal(0, await tab.Page.Locator($".claim-list a[href='{claimUrl}']").CountAsync());

        await TabToAsync(tab.Page, "search-text");
        await tab.Page.Keyboard.TypeAsync(word);
        var results = tab.Page.Locator("#search-results > li");
        await Assertions.Expect(results).ToHaveCountAsync(1);
        Assert.Equal(claimUrl, await results.Locator("a").GetAttributeAsync("href"));
        await Assertions.Expect(tab.Page.Locator(".search-status")).ToHaveTextAsync(new Regex("^1 "));
        Assert.False(await tab.Page.Locator(".claim-pages").IsVisibleAsync());

        await tab.Page.Keyboard.PressAsync("Control+A");
        await tab.Page.Keyboard.PressAsync("Backspace");
        await Assertions.Expect(tab.Page.Locator(".claim-pages")).ToBeVisibleAsync();
        await TabToAsync(tab.Page, "filter-verdict");
        await tab.Page.Keyboard.PressAsync("ArrowDown");
        var rating = await tab.Page.EvalOnSelectorAsync<string>("#filter-verdict", "s => s.value");
        Assert.NotEqual("", rating);
        var claims = ServedSite.Pages(site.OutputOf(site.Paginated)).Where(p => p.StartsWith("claims/", StringComparison.Ordinal) && !p.StartsWith("claims/page/", StringComparison.Ordinal)
            && p != "claims/" && SearchIndexReader.RatingOf(site.OutputOf(site.Paginated), p) == rating).ToList();
        var expected = claims.Count;
        Assert.True(expected > 1);
        await Assertions.Expect(results).ToHaveCountAsync(expected);
        // A result's verdict is drawn as its claim's page draws it: its tone's class, its mark and label.
        var (badgeClass, badgeText) = SearchIndexReader.BadgeOf(site.OutputOf(site.Paginated), claims[0]);
        foreach (var verdict in await results.Locator(".verdict").AllAsync())
        {
            Assert.Equal((rating, badgeClass, badgeText), (await verdict.GetAttributeAsync("data-rating"), await verdict.GetAttributeAsync("class"), await verdict.TextContentAsync()));
        }

        await TabToAsync(tab.Page, "search-text");
        await tab.Page.Keyboard.TypeAsync(word);
        await Assertions.Expect(results).ToHaveCountAsync(SearchIndexReader.RatingOf(site.OutputOf(site.Paginated), claimUrl.TrimStart('/')) == rating ? 1 : 0);
        Assert.Empty(tab.ConsoleErrors);
        Assert.All(tab.Requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 100; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id") == id)
            {
                return;
            }
        }

        Assert.Fail($"#{id} cannot be reached with the Tab key");
    }

    [Fact]
    public async Task Every_page_loads_without_a_console_error_or_a_request_leaving_127_0_0_1_at_the_root_and_in_a_sub_folder()
    {
        await using var tab = await RecordedPage.OpenAsync(site.Browser);
        var pages = ServedSite.Pages(site.RootOutput);
        foreach (var server in new[] { site.Root, site.SubFolder })
        {
            foreach (var page in pages)
            {
                var response = await tab.GoAsync(server.BaseUrl + page);
                Assert.True(response.Ok, $"{response.Status} for {server.BaseUrl + page}");
            }
        }

        Assert.Empty(tab.ConsoleErrors);
        Assert.True(tab.Requests.Count >= 2 * pages.Count);
        Assert.All(tab.Requests, url => Assert.Equal("127.0.0.1", new Uri(url).Host));
    }

    [Theory]
    [InlineData("sub-folder")]
    [InlineData("paginated")]
    public async Task Without_javascript_every_page_is_complete_and_reachable_by_links_from_home(string which)
    {
        var server = which == "paginated" ? site.Paginated : site.SubFolder;
        await using var tab = await RecordedPage.OpenAsync(site.Browser, javaScript: false);
        var start = server.BaseUrl;
        var toVisit = new Queue<string>([start]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (toVisit.TryDequeue(out var url))
        {
            if (!visited.Add(url))
            {
                continue;
            }

            var response = await tab.GoAsync(url);
            Assert.True(response.Ok, $"{response.Status} for {url}");
            Assert.Equal(1, await tab.Page.Locator("main h1").CountAsync());
            var links = await tab.Page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"); // an SVG link's href is no string
            foreach (var link in links.Select(l => l.Split('#')[0]).Where(l => l.StartsWith(start, StringComparison.Ordinal) && l.EndsWith('/')))
            {
                toVisit.Enqueue(link);
            }
        }

        var expected = ServedSite.Pages(site.OutputOf(server)).Select(p => start + p).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(expected.Except(visited));

        await tab.GoAsync(start);
        Assert.False(await tab.Page.Locator("form.claim-search").IsVisibleAsync());
        if (which != "paginated")
        {
            Assert.Equal(ClaimCount(), await VisibleCards(tab.Page));
        }
    }

    [Fact]
    public async Task Screenshots_at_phone_and_desktop_widths_and_nothing_scrolls_sideways_on_a_phone()
    {
        Directory.CreateDirectory(ServedSite.ScreenshotFolder);
        var shown = new (string Name, string Path)[]
        {
            ("home", ""),
            ("article", "articles/istanbul-talks-2022-03-31/"),
            ("claim", "claims/moscow-radically-reduce/"),
            ("timeline", "timeline/"),
            ("person", "people/jens-stoltenberg/"),
        };
        foreach (var width in new[] { 375, 1280 })
        {
            await using var tab = await RecordedPage.OpenAsync(site.Browser, width);
            foreach (var (name, path) in shown)
            {
                await tab.GoAsync(site.Root.BaseUrl + path);
                var file = System.IO.Path.Combine(ServedSite.ScreenshotFolder, $"{name}-{width}.png");
                await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000);
            }

            if (width == 375)
            {
                foreach (var url in ServedSite.Pages(site.RootOutput).Select(p => site.Root.BaseUrl + p)
                    .Concat(ServedSite.Pages(site.OutputOf(site.Paginated)).Where(p => p.Contains("page/", StringComparison.Ordinal)).Select(p => site.Paginated.BaseUrl + p)))
                {
                    await tab.GoAsync(url);
                    var path = url;
                    var sizes = await tab.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
                    var (document, viewport) = (sizes[0], sizes[1]);
                    Assert.True(document <= viewport, $"{path}: {document} px wide in a {viewport} px viewport");
                }
            }
        }
    }
}
