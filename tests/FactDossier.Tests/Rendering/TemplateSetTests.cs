using System.Text.RegularExpressions;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Planning;
using FactDossier.Rendering;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Rendering;

public sealed class TemplateSetTests
{
    [Fact]
    public void Partials_are_parsed_once_per_call_site_however_many_pages_are_rendered()
    {
        using var project = TestProject.Minimal();
        var layout = project.Layout;
        var dossier = DossierLoader.Load(layout).Dossier!;
        var (anchored, _) = QuoteAnchorer.Anchor(dossier);
        var diagnostics = new DiagnosticBag();
        var templates = TemplateSet.Load(layout.Theme, layout, diagnostics)!;
        var plan = SitePlanner.Plan(anchored, UiStrings.Load(layout.Theme, "en", layout, diagnostics)!, new SiteUrls("/"));
        var callSites = Directory.EnumerateFiles(layout.Theme, "*.liquid", SearchOption.AllDirectories)
            .Sum(f => Regex.Count(File.ReadAllText(f), @"\{%\s*render\s"));

        for (var round = 0; round < 5; round++)
        {
            foreach (var page in plan.Pages)
            {
                templates.Render(page.Template, page.Values, out var error);
                Assert.Null(error);
            }
        }

        Assert.InRange(templates.PartialReads, 1, callSites);
        Assert.True(plan.Pages.Count * 5 > callSites);
    }

    [Fact]
    public void A_liquid_syntax_error_is_reported_at_its_template_line()
    {
        using var project = TestProject.Minimal();
        var theme = project.PathOf("theme");
        TestProject.Copy(RepositoryPaths.Theme, theme);
        File.WriteAllText(Path.Combine(theme, "layouts", "tags.liquid"), "<h1>{{ page.title }}</h1>\n{% for tag in tags %}\n<p>{{ tag.key }}</p>\n");
        var diagnostics = new DiagnosticBag();

        Assert.Null(TemplateSet.Load(theme, InputLayout.Under(project.Root), diagnostics));

        var error = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal("FD0301", error.Code.Id);
        Assert.Equal("theme/layouts/tags.liquid", error.Span.Path);
    }

    [Fact]
    public void A_cached_partial_is_rendered_once_per_value_and_sees_only_its_value_and_the_words()
    {
        using var project = TestProject.Minimal();
        var theme = project.PathOf("theme");
        TestProject.Copy(RepositoryPaths.Theme, theme);
        File.WriteAllText(Path.Combine(theme, "partials", "item.liquid"), "<p>{{ it.name }} {{ t.translation }} [{{ secret }}]</p>\n");
        File.WriteAllText(Path.Combine(theme, "layouts", "_layout.liquid"), "{{ content_html | raw }}");
        File.WriteAllText(Path.Combine(theme, "layouts", "list.liquid"), "{% for x in items %}{{ x | partial_cached: 'item' }}{% endfor %}");
        var diagnostics = new DiagnosticBag();
        var templates = TemplateSet.Load(theme, InputLayout.Under(project.Root), diagnostics)!;
        var strings = UiStrings.Load(theme, "en", InputLayout.Under(project.Root), diagnostics)!;
        var shared = new { name = "shared" };
        var values = new Dictionary<string, object?> { ["items"] = new[] { shared, new { name = "other" }, shared }, ["t"] = strings.All, ["secret"] = "page only" };
        var fragments = new FragmentCache();

        using var first = templates.RenderPage("list", values, shared: null, fragments, out var error)!;
        using var second = templates.RenderPage("list", values, shared: null, fragments, out _)!;
        using var uncached = templates.RenderPage("list", values, shared: null, out _)!;

        Assert.Null(error);
        Assert.Equal("<p>shared Translation []</p>\n<p>other Translation []</p>\n<p>shared Translation []</p>\n", first.ToString());
        Assert.Equal(first.ToString(), uncached.ToString());
        Assert.Same(first.Fragments[0].Fragment, first.Fragments[2].Fragment);
        Assert.Same(first.Fragments[1].Fragment, second.Fragments[1].Fragment);
        Assert.NotSame(first.Fragments[0].Fragment, first.Fragments[1].Fragment);
    }
}
