using AngleSharp.Html.Parser;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class MinimalBuildTests
{
    [Fact]
    public void Minimal_project_builds_every_page_family()
    {
        using var project = TestProject.Minimal();
        var result = project.Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var page in new[] { "index.html", "claims/reduce/index.html", "articles/talks/index.html", "people/index.html",
                     "people/minister/index.html", "sources/index.html", "tags/kyiv/index.html", "tags/index.html", "timeline/index.html",
                     "about/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "claims.json", "assets/site.css" })
        {
            Assert.True(File.Exists(Path.Combine(project.Output, page)), page + " is missing");
        }

        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(project.Output, "index.html")));
        Assert.Equal("The ministry will radically reduce its activity near Kyiv", home.QuerySelector(".claim-card h3 a")!.TextContent);
    }
}
