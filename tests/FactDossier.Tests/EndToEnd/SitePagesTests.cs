using System.Text.Json;
using System.Xml.Linq;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>What each page family of the minimal project's site shows, read from the built HTML.</summary>
public sealed class SitePagesTests(MinimalSite site) : IClassFixture<MinimalSite>
{
    [Fact]
    public void Home_shows_the_dossier_articles_scale_and_every_claim_as_a_card()
    {
        var home = site.Page("index.html");

        Assert.Equal("Test dossier", home.QuerySelector("h1")!.TextContent);
        Assert.Equal("Talks article", home.QuerySelector(".article-list a")!.TextContent);
        // The fixture's scale gives no tones: by their values, the best supported, the middle one mixed, the worst refuted.
        Assert.Equal(["✓ Accurate", "! Misleading", "✗ Inaccurate"], home.QuerySelectorAll(".rating-scale .verdict").Select(e => e.TextContent));
        var card = Assert.Single(home.QuerySelectorAll(".claim-card"));
        Assert.Equal("misleading", card.QuerySelector(".verdict")!.GetAttribute("data-rating"));
        Assert.Equal("! Misleading", card.QuerySelector(".verdict")!.TextContent);
        Assert.Equal("réduire \"radicalement\" son activité", card.QuerySelector(".card-statement blockquote")!.TextContent);
        Assert.Equal("pas de retrait massif", card.QuerySelector(".card-counter blockquote")!.TextContent);
        Assert.Equal(["/dossier/tags/kyiv/", "/dossier/tags/withdrawal/"], home.QuerySelectorAll("nav.browse a[href*='/tags/']").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Claim_page_sets_the_statement_beside_its_counter_statements_with_verdict_sources_and_corrections()
    {
        var page = site.Page("claims/reduce/index.html");

        Assert.Equal("The ministry will radically reduce its activity near Kyiv", page.QuerySelector("h1")!.TextContent);
        var statement = page.GetElementById("statement")!;
        Assert.Equal("réduire \"radicalement\" son activité", statement.QuerySelector("blockquote")!.TextContent);
        Assert.Equal("fr", statement.QuerySelector("blockquote")!.GetAttribute("lang"));
        Assert.Equal("/dossier/articles/talks/#q-reduce", statement.QuerySelector(".quote-links a")!.GetAttribute("href"));
        Assert.Contains("The Minister", statement.QuerySelector(".attribution")!.TextContent, StringComparison.Ordinal);

        var counters = page.QuerySelectorAll(".side-counter .quote");
        Assert.Equal(["counter-1", "counter-2", "counter-3"], counters.Select(c => c.Id));
        Assert.Equal(["Contradicts", "Contradicts", "Supports"], counters.Select(c => c.QuerySelector(".role")!.TextContent));
        Assert.Equal("Attacks went on.", counters[1].QuerySelector(".fact")!.TextContent);
        Assert.Equal("en", counters[2].QuerySelector("blockquote")!.GetAttribute("lang"));

        Assert.Equal("Verdict: Misleading", page.GetElementById("verdict-heading")!.TextContent);
        Assert.Equal("https://example.org/wire", page.QuerySelector(".explanation a")!.GetAttribute("href"));
        var sources = page.QuerySelectorAll(".source-list li");
        Assert.Equal(["source-1", "source-2"], sources.Select(s => s.Id));
        Assert.Contains("Talks article", sources[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/wire", sources[1].QuerySelector("a.external")!.GetAttribute("href"));
        Assert.Contains("Fixed a date.", page.QuerySelector(".corrections")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://github.com/example/dossier/blob/main/input/claims/reduce.yml", page.QuerySelector("a.suggest")!.GetAttribute("href"));
        Assert.Equal("https://example.org/dossier/claims/reduce/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public void Claim_page_has_one_complete_claim_review()
    {
        var page = site.Page("claims/reduce/index.html");
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var review = json.RootElement;

        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal("https://example.org/dossier/claims/reduce/", review.GetProperty("url").GetString());
        Assert.True(review.GetProperty("claimReviewed").GetString()!.Length < 75);
        var rating = review.GetProperty("reviewRating");
        Assert.Equal("Misleading", rating.GetProperty("alternateName").GetString());
        Assert.Equal(2, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(3, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.Equal("The Minister", item.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2022-03-29", item.GetProperty("datePublished").GetString());
        Assert.Equal("Talks article", item.GetProperty("appearance").GetProperty("headline").GetString());
        Assert.Equal("Test publisher", review.GetProperty("author").GetProperty("name").GetString());
        // The fact-check's own dates: published_on, and the latest correction.
        Assert.Equal("2022-04-01", review.GetProperty("datePublished").GetString());
        Assert.Equal("2022-04-02", review.GetProperty("dateModified").GetString());
        Assert.Equal("2022-04-01", page.QuerySelector(".claim-footer time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void The_feed_dates_each_entry_by_its_fact_check_and_its_latest_correction()
    {
        var feed = System.Xml.Linq.XDocument.Parse(site.Text("feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));

        Assert.Equal("2022-04-01T00:00:00Z", entry.Element(atom + "published")!.Value);
        Assert.Equal("2022-04-02T00:00:00Z", entry.Element(atom + "updated")!.Value);
    }

    [Fact]
    public void Annotated_article_marks_every_anchored_quote_and_links_it_to_its_claim()
    {
        var page = site.Page("articles/talks/index.html");

        var statement = page.GetElementById("q-reduce")!;
        Assert.Equal("mark", statement.LocalName);
        Assert.Equal("réduire \"radicalement\" son activité", statement.TextContent);
        Assert.Contains("q-statement", statement.ClassName, StringComparison.Ordinal);
        Assert.Equal("/dossier/claims/reduce/#statement", statement.ParentElement!.GetAttribute("href"));
        var counter = page.GetElementById("q-reduce--1")!;
        Assert.Contains("q-contradicts", counter.ClassName, StringComparison.Ordinal);
        Assert.Equal("/dossier/claims/reduce/#counter-1", counter.ParentElement!.GetAttribute("href"));

        Assert.Equal(["Un titre court"], page.QuerySelectorAll("h2.intertitle").Select(h => h.TextContent));
        Assert.Equal(3, page.QuerySelectorAll(".para-row").Length);
        Assert.Equal(2, page.QuerySelectorAll(".notes li").Length);
    }

    [Fact]
    public void The_long_secondary_lists_show_each_claim_as_a_row_headline_verdict_speaker_and_date()
    {
        foreach (var file in new[] { "claims/index.html", "verdicts/misleading/index.html" })
        {
            var list = site.Page(file);
            Assert.Empty(list.QuerySelectorAll(".claim-card, blockquote")); // no card: the words are on the claim's page
            var row = Assert.Single(list.QuerySelectorAll(".claim-rows > .claim-row"));
            Assert.Equal(("The ministry will radically reduce its activity near Kyiv", "/dossier/claims/reduce/"),
                (row.QuerySelector("a")!.TextContent, row.QuerySelector("a")!.GetAttribute("href")));
            Assert.Equal("misleading", row.QuerySelector(".verdict")!.GetAttribute("data-rating"));
            Assert.Equal("The Minister · March 29, 2022", row.QuerySelector(".row-meta")!.TextContent);
            Assert.Equal("2022-03-29", row.QuerySelector(".row-meta time")!.GetAttribute("datetime"));
        }

        // A person's page: each of their quotes with its claim, verdict and date, and the words themselves, not their name again.
        var person = site.Page("people/minister/index.html").QuerySelector(".person-quotes > li")!;
        Assert.Equal("réduire \"radicalement\" son activité", person.QuerySelector("blockquote")!.TextContent);
        Assert.Equal(["/dossier/claims/reduce/#statement"], person.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("The Minister", person.TextContent, StringComparison.Ordinal);

        // The timeline: who, in what role, about which claim and its verdict, under the day.
        var entry = site.Page("timeline/index.html").QuerySelector(".day .entry")!;
        Assert.Equal(["The Minister", "The ministry will radically reduce its activity near Kyiv", "! Misleading"],
            [entry.QuerySelector(".row-speaker")!.TextContent, entry.QuerySelector("a")!.TextContent, entry.QuerySelector(".verdict")!.TextContent]);
        Assert.Null(entry.QuerySelector("blockquote"));
    }

    [Fact]
    public void Person_sources_tag_timeline_and_markdown_pages_show_their_content()
    {
        var person = site.Page("people/minister/index.html");
        Assert.Equal("The Minister", person.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, person.QuerySelectorAll(".person-quotes > li").Length); // the statement and the supporting quote

        var sources = site.Page("sources/index.html");
        Assert.Equal(["source-talks", "source-wire"], sources.QuerySelectorAll(".source-index > li").Select(l => l.Id));
        Assert.All(sources.QuerySelectorAll(".cited-by"), c => Assert.Contains("The ministry will radically reduce", c.TextContent, StringComparison.Ordinal));

        var tag = site.Page("tags/kyiv/index.html");
        Assert.Single(tag.QuerySelectorAll(".claim-card"));

        var timeline = site.Page("timeline/index.html");
        Assert.Equal(["2022-03-29", "2022-03-30"], timeline.QuerySelectorAll(".day > h2 time").Select(t => t.GetAttribute("datetime")));

        var about = site.Page("about/index.html");
        Assert.Equal("About", about.QuerySelector("h1")!.TextContent);
        Assert.Equal("test", about.QuerySelector(".prose strong")!.TextContent);
        Assert.Equal("/dossier/claims/reduce/", about.QuerySelector(".prose p a")!.GetAttribute("href"));

        Assert.Equal("Page not found", site.Page("404.html").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Feed_sitemap_robots_and_claims_json_are_well_formed_and_list_every_claim()
    {
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var feed = XDocument.Parse(site.Text("feed.xml"));
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Equal("https://example.org/dossier/claims/reduce/", entry.Element(atom + "id")!.Value);
        Assert.Equal("2022-04-02T00:00:00Z", entry.Element(atom + "updated")!.Value);

        var sitemap = XDocument.Parse(site.Text("sitemap.xml"));
        var locs = sitemap.Descendants(XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9") + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.org/dossier/claims/reduce/", locs);
        Assert.DoesNotContain(locs, l => l.EndsWith("404.html", StringComparison.Ordinal));

        Assert.Contains("Sitemap: https://example.org/dossier/sitemap.xml", site.Text("robots.txt"), StringComparison.Ordinal);

        using var claims = JsonDocument.Parse(site.Text("claims.json"));
        var claim = Assert.Single(claims.RootElement.GetProperty("claims").EnumerateArray());
        Assert.Equal("ClaimReview", claim.GetProperty("claimReview").GetProperty("@type").GetString());
        Assert.Equal(3, claims.RootElement.GetProperty("ratingScale").GetArrayLength());
    }

    [Fact]
    public void No_page_loads_anything_from_another_host()
    {
        foreach (var file in site.HtmlFiles())
        {
            var page = site.Page(file);
            var loaded = page.QuerySelectorAll("script[src], link[href]:not([rel=canonical]):not([rel=alternate]), img[src], iframe[src], source[src]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
            Assert.All(loaded, url => Assert.StartsWith("/dossier/", url, StringComparison.Ordinal));
            Assert.Empty(page.QuerySelectorAll("[style*='url(']"));
        }

        Assert.DoesNotMatch(@"url\(\s*['""]?(https?:)?//", site.Text("assets/site.css"));
    }
}
