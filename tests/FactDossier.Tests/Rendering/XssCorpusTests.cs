using System.Text.Json;
using AngleSharp.Dom;
using FactDossier.Rendering;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Rendering;

public sealed class XssSite() : BuiltSite(XssDossier.Create());

/// <summary>
/// Every payload of the corpus, in every string field of a claim, a person, a source, an article's metadata, the site
/// settings and a Markdown page: the built pages must show it as text and create nothing from it.
/// </summary>
public sealed class XssCorpusTests(XssSite site) : IClassFixture<XssSite>
{
    private static readonly string[] ForbiddenElements =
        ["iframe", "object", "embed", "svg", "math", "style", "base", "form", "input", "button", "img", "template", "noscript", "details", "frame", "frameset"];

    private static readonly string[] ChartElements = ["title", "rect", "line", "text", "tspan", "circle", "polygon", "path", "defs", "use", "pattern", "a"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"];

    [Fact]
    public void The_corpus_has_at_least_fifty_payloads_and_the_site_builds_with_them() =>
        Assert.True(XssDossier.Payloads.Count >= 50 && site.Result.Succeeded);

    [Fact]
    public void No_page_gains_an_element_attribute_script_or_url_from_a_payload()
    {
        var pages = site.HtmlFiles().ToList();
        Assert.True(pages.Count > 3 * XssDossier.Payloads.Count); // a claim, a person and an article page per payload, and more
        foreach (var file in pages)
        {
            var page = site.Page(file);
            Assert.All(page.QuerySelectorAll("script"), s =>
                Assert.True(s.GetAttribute("type") == "application/ld+json" || s.GetAttribute("src") == "/assets/site.js", $"{file}: {s.OuterHtml}"));
            // The theme's own search form and its results on the home page are the one form and button a page may have,
            // and its charts the one drawing: a named SVG of rectangles, lines, links and the theme's labels, nothing a payload could bring, and its numbers'
            // details.
            Assert.DoesNotContain(page.QuerySelectorAll(string.Join(", ", ForbiddenElements)),
                e => e.Closest("form.claim-search, .search-results") is null && !(e.LocalName is "svg" or "details" && e.Closest("figure.chart") is not null));
            Assert.All(page.QuerySelectorAll("figure.chart svg *"), e => Assert.Contains(e.LocalName, ChartElements));
            Assert.Equal(1, page.QuerySelectorAll("meta[charset]").Length);
            Assert.Empty(page.QuerySelectorAll("[autofocus]"));
            // The one style a page may have: a timeline's least width in pixels, which the theme writes.
            Assert.All(page.QuerySelectorAll("[style]"), e => Assert.Matches(
                e.Closest("figure.timeline-chart") is null ? "^$" : @"^min-width: \d+px$", e.GetAttribute("style")!));
            // The one refresh a page may have: a list's page/ folder sending the reader to the list.
            Assert.All(page.QuerySelectorAll("meta[http-equiv]"), m =>
            {
                Assert.Equal("refresh", m.GetAttribute("http-equiv"));
                Assert.Matches("^0; url=/([a-z0-9-]+/)*$", m.GetAttribute("content"));
                Assert.Matches("^([a-z0-9-]+/)*page/(1/)?index\\.html$", file);
            });
            foreach (var element in page.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                foreach (var name in UrlAttributes)
                {
                    if (element.GetAttribute(name) is { } url)
                    {
                        Assert.True(SafeUrl.IsAllowed(url), $"{file}: <{element.LocalName} {name}=\"{url}\">");
                    }
                }
            }
        }
    }

    [Fact]
    public void Each_payload_appears_as_the_exact_text_in_its_claim_page()
    {
        for (var i = 0; i < XssDossier.Payloads.Count; i++)
        {
            var payload = XssDossier.Payloads[i].Trim(); // values are trimmed on loading
            var page = site.Page($"claims/x{i}/index.html");
            Assert.Equal(payload, page.QuerySelector("#statement blockquote")!.TextContent);
            Assert.Equal(payload, page.QuerySelector(".verdict-summary")!.TextContent);
            Assert.Equal(payload, page.QuerySelector("#counter-2 .fact")!.TextContent);
            Assert.Equal(payload, page.QuerySelector("#statement .attribution a")!.TextContent);
        }
    }

    [Fact]
    public void Json_ld_parses_on_every_claim_page_and_keeps_the_payloads_as_strings()
    {
        for (var i = 0; i < XssDossier.Payloads.Count; i++)
        {
            var page = site.Page($"claims/x{i}/index.html");
            var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
            using var json = JsonDocument.Parse(script.TextContent);
            Assert.Equal(XssDossier.Payloads[i].Trim(), json.RootElement.GetProperty("itemReviewed").GetProperty("author").GetProperty("name").GetString());
            Assert.DoesNotContain("</", script.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_feed_parses_and_keeps_each_headline_and_verdict_as_text()
    {
        var atom = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2005/Atom");
        var feed = System.Xml.Linq.XDocument.Parse(site.Text("feed.xml"));
        for (var i = 0; i < XssDossier.Payloads.Count; i++)
        {
            var page = site.Page($"claims/x{i}/index.html");
            var entry = Assert.Single(feed.Root!.Elements(atom + "entry"),
                e => e.Element(atom + "link")!.Attribute("href")!.Value.EndsWith($"/claims/x{i}/", StringComparison.Ordinal));
            Assert.Equal(page.QuerySelector("h1")!.TextContent, entry.Element(atom + "title")!.Value);
            Assert.EndsWith(": " + XssDossier.Payloads[i].Trim(), entry.Element(atom + "summary")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Templates_do_not_evaluate_liquid_written_by_editors()
    {
        var page = site.Page("claims/x32/index.html");
        Assert.Equal("{{ site.title }}", page.QuerySelector("#statement blockquote")!.TextContent);
        Assert.Contains("{% for x in (1..100000000) %}", site.Page("claims/x35/index.html").QuerySelector("#statement blockquote")!.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<int> PayloadIndexes() => [.. Enumerable.Range(0, XssDossier.Payloads.Count)];

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public void A_payload_in_a_url_or_id_field_is_a_clear_diagnostic_never_a_crash(int i)
    {
        using var project = TestProject.Minimal();
        var payload = XssDossier.Quoted(XssDossier.Payloads[i]);
        project.Write("input/sources/wire.yml", $"publisher: Wire agency\ntitle: A story\nurl: {payload}\narchive_url: {payload}\n");
        project.Write("input/people/minister.yml", $"name: Minister\nwikidata: {payload}\n");
        project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("tags: [kyiv, withdrawal]", $"tags: [{payload}]", StringComparison.Ordinal));

        var errors = project.Errors();

        Assert.Contains(errors, e => e.Code.Id == "FD0008" && e.Span.Path == "input/sources/wire.yml" && e.Span.Line == 3);
        Assert.Contains(errors, e => e.Code.Id == "FD0010" && e.Span.Path == "input/people/minister.yml");
        Assert.Contains(errors, e => e.Code.Id is "FD0010" or "FD0003" && e.Span.Path == "input/claims/reduce.yml");
    }
}
