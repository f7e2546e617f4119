using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FactDossier.BrowserTests.Support;
using Microsoft.Playwright;

namespace FactDossier.BrowserTests;

/// <summary>axe-core, WCAG 2.1 A and AA rules, on every page type, in light and dark mode, on a desktop and a phone.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class AccessibilityTests(ServedSite site)
{
    public static TheoryData<string> PageTypes() =>
    [
        "",
        "claims/moscow-radically-reduce/",
        "articles/istanbul-talks-2022-03-31/",
        "people/",
        "people/jens-stoltenberg/",
        "sources/",
        "tags/",
        "tags/kyiv/",
        "timeline/",
        "methodology/",
        "rating-scale/",
        "no-such-page/",
    ];

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Pages of the paginated site: later pages of lists, the timeline's months, the new indexes.</summary>
    public static TheoryData<string> PaginatedPageTypes() =>
    [
        "page/2/",
        "claims/page/3/",
        "tags/kyiv/page/2/",
        "verdicts/",
        "verdicts/accurate/page/2/",
        "people/jens-stoltenberg/page/2/",
        "sources/page/2/",
        "timeline/",
        "timeline/2022-03/page/2/",
        "articles/",
        "corrections-log/",
    ];

    [Theory]
    [MemberData(nameof(PaginatedPageTypes))]
    public Task Paginated_page_has_no_accessibility_violation(string path) => CheckAsync(site.Paginated.BaseUrl, path);

    [Fact]
    public async Task Search_results_have_no_accessibility_violation()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Paginated.BaseUrl);
        await page.Locator("#search-text").FillAsync("kyiv");
        await Assertions.Expect(page.Locator("#search-results > li").First).ToBeVisibleAsync();
        await page.Locator("#filter-verdict").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Assertions.Expect(page.Locator(".search-status")).Not.ToBeEmptyAsync();

        var result = await page.RunAxe(Wcag21AA);

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.True(result.Passes.Length > 10, "axe ran no rule");
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public Task Page_has_no_accessibility_violation(string path) => CheckAsync(site.Root.BaseUrl, path);

    private async Task CheckAsync(string baseUrl, string path)
    {
        foreach (var (scheme, width) in new[] { (ColorScheme.Light, 1280), (ColorScheme.Dark, 375) })
        {
            await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                ColorScheme = scheme,
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + path);

            var result = await page.RunAxe(Wcag21AA);

            Assert.True(result.Passes.Length > 10, "axe ran no rule");
            Assert.True(result.Violations.Length == 0, $"{path} ({scheme}, {width} px):\n" + string.Join("\n", result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Html)))));
        }
    }
}
