using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class LanguageTests
{
    /// <summary>Every page the tool writes says its language on its html element, the editor's page (admin/) included.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Every_page_of_the_seed_site_says_its_language_the_editor_s_included(string language)
    {
        using var project = TestProject.RealDossier();
        project.Write("input/site.yml", project.Read("input/site.yml").Replace("language: en", $"language: {language}", StringComparison.Ordinal));

        using var site = new BuiltSite(project);
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("admin/index.html", pages);
        Assert.All(pages, page => Assert.Equal(language, site.Page(page).DocumentElement.GetAttribute("lang")));
    }

    [Theory]
    [InlineData("<!doctype html>\n<html>\n<head>", "<!doctype html>\n<html lang=\"fr\">\n<head>")]
    [InlineData("<!DOCTYPE html><HTML class=\"x\"><head>", "<!DOCTYPE html><HTML lang=\"fr\" class=\"x\"><head>")]
    [InlineData("<html lang=\"en\"><head>", "<html lang=\"en\"><head>")] // the theme's own language stands
    [InlineData("<html data-lang=\"x\">", "<html lang=\"fr\" data-lang=\"x\">")]
    public void The_editor_s_page_is_given_the_site_s_language_unless_the_theme_gave_one(string page, string published) =>
        Assert.Equal(published, System.Text.Encoding.UTF8.GetString(FactDossier.Editing.EditorPage.InLanguage(System.Text.Encoding.UTF8.GetBytes(page), "fr")));

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
