using AngleSharp.Html.Parser;
using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// Every internal link and fragment of a built site, resolved the way a static server under a sub-folder would,
/// independently of the build's own link checker.
/// </summary>
public sealed class LinkIntegrityTests
{
    [Theory]
    [InlineData(null, "/dossier/")] // from base_url of the minimal site settings
    [InlineData("/", "/")]
    [InlineData("/sub/folder/", "/sub/folder/")]
    [InlineData("deep", "/deep/")]
    public void Every_internal_link_resolves_under_the_base_path(string? basePath, string expectedPrefix)
    {
        using var project = TestProject.Minimal();
        Assert.True(project.Build(basePath).Succeeded);

        var broken = BrokenLinks(project.Output, expectedPrefix).ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void A_template_with_a_broken_link_or_fragment_fails_the_build_naming_page_and_link()
    {
        using var project = TestProject.Minimal();
        var layout = project.WithThemeChange("tag.liquid", "<a href=\"{{ site.home_url }}claims/nowhere/\">x</a> <a href=\"#no-such-id\">y</a>\n");

        var result = SiteBuilder.Build(new BuildOptions(layout));

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.All(errors, e => Assert.Equal("FD0401", e.Code.Id));
        Assert.Contains(errors, e => e.Span.Path == "output/tags/kyiv/index.html" && e.Message.Contains("'/dossier/claims/nowhere/' leads to no page", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Span.Path == "output/tags/kyiv/index.html" && e.Message.Contains("'#no-such-id'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_writing_an_id_twice_fails_the_build()
    {
        using var project = TestProject.Minimal();
        var layout = project.WithThemeChange("404.liquid", "<p id=\"main\">again</p>\n");

        var result = SiteBuilder.Build(new BuildOptions(layout));

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("FD0402", error.Code.Id);
        Assert.Equal("output/404.html", error.Span.Path);
    }

    [Fact]
    public void A_markdown_link_to_a_missing_page_fails_the_build()
    {
        using var project = TestProject.Minimal();
        project.Write("input/pages/about.md", "---\ntitle: About\n---\nSee [methodology](/methodology/).\n");

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0401", error.Code.Id);
        Assert.Equal("output/about/index.html", error.Span.Path);
    }

    private static readonly string[] LinkAttributes = ["href", "src", "action", "poster"];

    [Fact]
    public void The_link_check_reads_the_same_ids_and_links_as_a_full_html_parse()
    {
        using var site = new BuiltSite(XssDossier.Create());
        var parser = new HtmlParser();
        foreach (var file in site.HtmlFiles())
        {
            var html = site.Text(file);
            var scanned = FactDossier.Publishing.LinkChecker.Scan(file, html);
            var document = parser.ParseDocument(html);

            Assert.Equal(document.All.Select(e => e.Id).OfType<string>().Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal), scanned.Ids);
            var links = document.All.SelectMany(e => LinkAttributes.Select(e.GetAttribute)).OfType<string>()
                .Where(u => !u.StartsWith("http", StringComparison.Ordinal) && !u.StartsWith("mailto:", StringComparison.Ordinal) && !u.StartsWith("//", StringComparison.Ordinal));
            Assert.Equal(links.Order(StringComparer.Ordinal), scanned.Links.Select(l => l.Url).Order(StringComparer.Ordinal));
        }
    }

    internal static IEnumerable<string> BrokenLinks(string output, string basePath)
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string file) =>
            ids.TryGetValue(file, out var set)
                ? set
                : ids[file] = parser.ParseDocument(File.ReadAllText(file)).All.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // The editor's page links relatively to its own files, at any base path (DecapConfigTests).
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(output, f).StartsWith("admin", StringComparison.Ordinal)))
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            foreach (var url in page.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                if (url.StartsWith("http", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var (path, fragment) = url.Split('#') is [var p, var f] ? (p, f) : (url, null);
                string target;
                if (path.Length == 0)
                {
                    target = file;
                }
                else if (!path.StartsWith(basePath, StringComparison.Ordinal))
                {
                    yield return $"{file}: {url} is not under {basePath}";
                    continue;
                }
                else
                {
                    var relative = path[basePath.Length..];
                    target = Path.Combine(output, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
                    if (!File.Exists(target))
                    {
                        yield return $"{file}: {url} has no file";
                        continue;
                    }
                }

                if (fragment is { Length: > 0 } && !IdsOf(target).Contains(fragment))
                {
                    yield return $"{file}: {url} has no element #{fragment}";
                }
            }
        }
    }
}
