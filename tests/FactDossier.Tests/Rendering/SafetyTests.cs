using System.Text.Json;
using AngleSharp.Html.Parser;
using FactDossier.Rendering;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Rendering;

public sealed class SafetyTests
{
    private readonly MarkdownRenderer _markdown = new("/base/");

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java\tscript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void Markdown_drops_links_with_unsafe_schemes_and_keeps_their_text(string markdown)
    {
        var html = _markdown.ToHtml(markdown);
        var document = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => !SafeUrl.IsAllowed(a.GetAttribute("href")!));
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markdown_shows_raw_html_as_text()
    {
        var document = new HtmlParser().ParseDocument(_markdown.ToHtml("Hi <script>alert(1)</script> <img src=x onerror=alert(1)> <b>b</b>"));

        Assert.Empty(document.QuerySelectorAll("script, img, b"));
        Assert.Contains("<script>alert(1)</script>", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_keeps_safe_links_roots_site_links_in_the_base_path_and_turns_remote_images_into_links()
    {
        var document = new HtmlParser().ParseDocument(_markdown.ToHtml("[a](https://a.org/) [m](mailto:x@y.z) [r](../x/) [s](/claims/x/) ![pic](https://cdn.example/p.png)"));

        Assert.Equal(["https://a.org/", "mailto:x@y.z", "../x/", "/base/claims/x/", "https://cdn.example/p.png"],
            document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(document.QuerySelectorAll("img"));
    }

    [Fact]
    public void Values_from_yaml_are_encoded_everywhere_and_cannot_close_the_json_ld_script()
    {
        using var project = TestProject.Minimal();
        const string Payload = "</script><script>alert(1)</script><b onmouseover=alert(2)>{{ t }}{% raw %}"; // under 75 characters, as headlines must be
        var claim = project.Read("input/claims/reduce.yml")
            .Replace("headline: The ministry will radically reduce its activity near Kyiv", $"headline: '{Payload}'", StringComparison.Ordinal)
            .Replace("summary: Not what happened.", $"summary: '{Payload}'", StringComparison.Ordinal);
        project.Write("input/claims/reduce.yml", claim);
        project.Write("input/people/minister.yml", $"name: '{Payload}'\nrole: '\" onfocus=\"alert(3)'\n");

        using var site = new BuiltSite(project);
        foreach (var file in site.HtmlFiles())
        {
            var page = site.Page(file);
            Assert.All(page.Scripts, s => Assert.True(s.Type == "application/ld+json" || s.Source is not null, $"{file}: inline script {s.OuterHtml}"));
            Assert.Empty(page.QuerySelectorAll("b"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }

        var claimPage = site.Page("claims/reduce/index.html");
        Assert.Equal(Payload, claimPage.QuerySelector("h1")!.TextContent);
        using var json = JsonDocument.Parse(claimPage.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(Payload, json.RootElement.GetProperty("claimReviewed").GetString());
    }
}
