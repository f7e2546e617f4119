using System.Xml.Linq;
using AngleSharp.Dom;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The repository's dossier with lists of 5 claims, 10 quotes and 10 entries a page: every list has several.</summary>
public sealed class PaginatedSite() : BuiltSite(TestProject.PaginatedDossier(claims: 5, quotes: 10, entries: 10));

/// <summary>Paginated lists read from the built HTML: every item once, in order, pages linked both ways.</summary>
public sealed class PaginationTests(PaginatedSite site, RealDossierSite seed) : IClassFixture<PaginatedSite>, IClassFixture<RealDossierSite>
{
    /// <summary>A list's first page, what its items are, and how many a page holds.</summary>
    public static TheoryData<string, string, int> Lists() => new()
    {
        { "", ".claim-list > .claim-card h3 a", 5 },
        { "claims/", ".claim-rows > .claim-row > a", 5 },
        { "tags/kyiv/", ".claim-list > .claim-card h3 a", 5 },
        { "verdicts/accurate/", ".claim-rows > .claim-row > a", 5 },
        { "people/jens-stoltenberg/", ".person-quotes > li .quote-role a", 10 },
        { "sources/", ".source-index > li", 10 },
        { "timeline/2022-03/", ".timeline .entry", 10 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_list_is_cut_into_pages_linked_both_ways_each_item_once(string first, string items, int pageSize)
    {
        var pages = Walk(first);

        Assert.True(pages.Count > 1, $"{first} has one page");
        var all = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var (url, page) = pages[i];
            var found = page.QuerySelectorAll(items).Select(Identity).ToList();
            Assert.InRange(found.Count, 1, pageSize);
            if (i < pages.Count - 1)
            {
                Assert.Equal(pageSize, found.Count);
            }

            all.AddRange(found);
            var pager = page.QuerySelector("nav.pager")!;
            Assert.False(string.IsNullOrWhiteSpace(pager.GetAttribute("aria-label")));
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pager.QuerySelector("[aria-current=page]")!.TextContent);
            Assert.Equal(url, pager.QuerySelector("[aria-current=page]")!.GetAttribute("href"));
            Assert.Equal(i == 0 ? null : pages[i - 1].Url, page.QuerySelector("head link[rel=prev]")?.GetAttribute("href"));
            Assert.Equal(i == 0 ? null : pages[i - 1].Url, pager.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
            Assert.Equal(page.QuerySelector("head link[rel=next]")?.GetAttribute("href"), pager.QuerySelector("a[rel=next]")?.GetAttribute("href"));
            Assert.Equal(pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), pager.QuerySelectorAll("a[aria-label]")[^1].TextContent);
            Assert.Contains(pages[0].Url, pager.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            Assert.Contains(pages[^1].Url, pager.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        }

        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Equal(Expected(first, items), all);
        Assert.Equal(pages.Count, pages.Select(p => p.Page.Title).Distinct().Count());
    }

    [Fact]
    public void The_home_pages_together_list_every_claim_in_reading_order_as_the_claims_index_does()
    {
        var home = Walk("").SelectMany(p => p.Page.QuerySelectorAll(".claim-card h3 a").Select(a => a.GetAttribute("href")!)).ToList();
        var index = Walk("claims/").SelectMany(p => p.Page.QuerySelectorAll(".claim-row > a").Select(a => a.GetAttribute("href")!)).ToList();

        Assert.Equal(Directory.GetDirectories(Path.Combine(site.Output, "claims")).Count(d => !d.EndsWith("page", StringComparison.Ordinal)), home.Count);
        Assert.Equal(home, index);
    }

    [Fact]
    public void Later_pages_show_only_the_list_and_the_first_keeps_the_search_box()
    {
        var first = site.Page("index.html");
        var second = site.Page("page/2/index.html");

        Assert.NotNull(first.QuerySelector("form.claim-search input[type=search]"));
        Assert.Null(second.QuerySelector("form.claim-search"));
        Assert.Null(second.QuerySelector(".dossier-intro"));
        Assert.Contains("2", second.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_of_every_list_is_in_the_sitemap_and_the_redirecting_folders_are_not()
    {
        var sitemap = XDocument.Parse(site.Text("sitemap.xml")).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToHashSet();
        var pages = site.HtmlFiles().Where(f => f != "404.html").Select(f => "/" + f[..^"index.html".Length]).ToList();
        var redirects = pages.Where(p => site.Page(p.TrimStart('/') + "index.html").QuerySelector("meta[http-equiv=refresh]") is not null).ToList();

        Assert.Contains("/page/2/", sitemap);
        Assert.Contains("/timeline/2022-03/page/2/", sitemap);
        Assert.Equal(pages.Except(redirects).Order(StringComparer.Ordinal), sitemap.Order(StringComparer.Ordinal));
        Assert.Contains("/page/", redirects);
        Assert.Contains("/tags/kyiv/page/1/", redirects);
    }

    [Theory]
    [InlineData("page/index.html", "/")]
    [InlineData("page/1/index.html", "/")]
    [InlineData("tags/kyiv/page/index.html", "/tags/kyiv/")]
    [InlineData("timeline/2022-03/page/1/index.html", "/timeline/2022-03/")]
    public void A_list_s_page_folder_sends_the_reader_to_its_first_page(string file, string target)
    {
        var page = site.Page(file);

        Assert.Equal($"0; url={target}", page.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal(target, page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Every_folder_that_holds_pages_has_an_index_page(string which)
    {
        var output = which == "seed" ? seed.Output : site.Output;
        var folders = Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories)
            .SelectMany(f => Ancestors(output, Path.GetDirectoryName(f)!))
            .Distinct()
            .ToList();

        Assert.Contains(Path.Combine(output, "articles"), folders);
        Assert.All(folders, folder => Assert.True(File.Exists(Path.Combine(folder, "index.html")), $"{Path.GetRelativePath(output, folder)}/ has no index.html"));
    }

    public static TheoryData<string> Sites() => ["seed", "paginated"];

    [Fact]
    public void The_seed_dossier_at_its_default_page_sizes_has_no_pager_and_no_page_folder()
    {
        Assert.All(seed.HtmlFiles(), f => Assert.Null(seed.Page(f).QuerySelector("nav.pager, link[rel=next], link[rel=prev]")));
        Assert.DoesNotContain(seed.HtmlFiles(), f => f.Contains("page/", StringComparison.Ordinal));
        Assert.NotEmpty(seed.Page("timeline/index.html").QuerySelectorAll(".timeline .day"));
    }

    [Fact]
    public void The_articles_index_counts_each_article_s_claims_by_verdict()
    {
        var entry = Assert.Single(site.Page("articles/index.html").QuerySelectorAll(".article-index > li"));
        var claims = Walk("claims/").SelectMany(p => p.Page.QuerySelectorAll(".claim-row .verdict")).ToList();

        Assert.Equal("/articles/istanbul-talks-2022-03-31/", entry.QuerySelector("h2 a")!.GetAttribute("href"));
        var counts = entry.QuerySelectorAll(".verdict-counts li").ToDictionary(li => li.QuerySelector(".verdict")!.GetAttribute("data-rating")!,
            li => int.Parse(li.TextContent.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(claims.CountBy(v => v.GetAttribute("data-rating")!).OrderBy(c => c.Key).ToList(), counts.OrderBy(c => c.Key).ToList());
    }

    [Fact]
    public void A_verdict_page_lists_exactly_the_claims_with_that_verdict()
    {
        var listed = Walk("verdicts/accurate/").SelectMany(p => p.Page.QuerySelectorAll(".claim-row")).ToList();
        var accurate = Walk("claims/").SelectMany(p => p.Page.QuerySelectorAll(".claim-row"))
            .Where(c => c.QuerySelector(".verdict")!.GetAttribute("data-rating") == "accurate").ToList();

        Assert.NotEmpty(listed);
        Assert.Equal(accurate.Select(Identity), listed.Select(Identity));
        Assert.Contains("/verdicts/accurate/", site.Page("index.html").QuerySelectorAll(".rating-scale a").Select(a => a.GetAttribute("href")));
    }

    /// <summary>The pages of a list, from its first page along its rel=next links.</summary>
    private List<(string Url, IDocument Page)> Walk(string first)
    {
        var pages = new List<(string, IDocument)>();
        for (string? url = "/" + first; url is not null; url = pages[^1].Item2.QuerySelector("head link[rel=next]")?.GetAttribute("href"))
        {
            Assert.True(pages.Count < 100, "the pages do not end");
            pages.Add((url, site.Page(url.TrimStart('/') + "index.html")));
        }

        return pages;
    }

    /// <summary>What the list should hold, in order: the same items on the seed's one page (its page sizes are larger).</summary>
    private List<string> Expected(string first, string items) =>
        first.StartsWith("timeline/", StringComparison.Ordinal)
            ? seed.Page("timeline/index.html").QuerySelectorAll(".timeline .day")
                .Where(d => d.QuerySelector("time")!.GetAttribute("datetime")!.StartsWith("2022-03", StringComparison.Ordinal))
                .SelectMany(d => d.QuerySelectorAll(".entry")).Select(Identity).ToList()
            : seed.Page(first + "index.html").QuerySelectorAll(items).Select(Identity).ToList();

    private static string Identity(IElement item) =>
        item.GetAttribute("href") ?? (item.Id is { Length: > 0 } id ? id : item.QuerySelector("a")?.GetAttribute("href") + "|" + item.TextContent.Trim());

    private static IEnumerable<string> Ancestors(string output, string folder)
    {
        for (var f = folder; f.Length > output.Length; f = Path.GetDirectoryName(f)!)
        {
            yield return f;
        }
    }
}
