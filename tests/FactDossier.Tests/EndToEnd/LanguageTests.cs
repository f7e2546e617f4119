using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class LanguageTests
{
    [Fact]
    public void A_french_site_uses_the_french_strings_and_dates()
    {
        using var project = TestProject.Minimal();
        project.Write("input/site.yml", project.Read("input/site.yml").Replace("language: en", "language: fr", StringComparison.Ordinal));

        using var site = new BuiltSite(project);
        var claim = site.Page("claims/reduce/index.html");

        Assert.Equal("fr", claim.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Verdict: Misleading", claim.GetElementById("verdict-heading")!.TextContent);
        Assert.Equal("Ce qui lui a été répondu", claim.GetElementById("counter-heading")!.TextContent);
        Assert.Equal("29 mars 2022", claim.QuerySelector("#statement time")!.TextContent);
        Assert.Empty(LinkIntegrityTests.BrokenLinks(project.Output, "/dossier/"));
    }

    [Fact]
    public void An_english_site_marks_french_quotes_with_their_language()
    {
        using var site = new MinimalSite();
        var claim = site.Page("claims/reduce/index.html");

        Assert.Equal("en", claim.DocumentElement.GetAttribute("lang"));
        Assert.Equal("March 29, 2022", claim.QuerySelector("#statement time")!.TextContent);
        Assert.Equal("fr", claim.QuerySelector("#statement blockquote")!.GetAttribute("lang"));
        Assert.All(site.Page("articles/talks/index.html").QuerySelectorAll(".para > span"), p => Assert.Equal("fr", p.GetAttribute("lang")));
    }

    [Fact]
    public void Every_string_a_template_uses_exists_in_every_language()
    {
        var used = Directory.EnumerateFiles(RepositoryPaths.Theme, "*.liquid", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\bt\.([a-z0-9_]+)").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(used);

        foreach (var language in new[] { "en", "fr" })
        {
            var keys = File.ReadAllLines(Path.Combine(RepositoryPaths.Theme, $"strings.{language}.yml"))
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)])
                .ToHashSet(StringComparer.Ordinal);
            Assert.Empty(used.Except(keys));
        }
    }
}
