using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FactDossier.Anchoring;
using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Planning;
using FactDossier.Rendering;

namespace FactDossier.Tests.Support;

/// <summary>A project built once, whose pages tests read and parse.</summary>
public class BuiltSite : IDisposable
{
    private readonly HtmlParser _parser = new();

    public BuiltSite(TestProject project, string? basePath = null)
    {
        Project = project;
        Result = project.Build(basePath);
        if (!Result.Succeeded)
        {
            throw new InvalidOperationException("build failed:\n" + string.Join("\n", Result.Diagnostics));
        }
    }

    public TestProject Project { get; }

    public BuildResult Result { get; }

    public string Output => Project.Output;

    public string Text(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public IDocument Page(string relative) => _parser.ParseDocument(Text(relative));

    /// <summary>The site's own pages; not the editor's (admin/: Decap's page, see DecapConfigTests and the browser tests).</summary>
    public IEnumerable<string> HtmlFiles() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("admin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every page rendered again in memory, fragments kept apart, as the build's render stage makes them.</summary>
    public IReadOnlyList<PageWriter> RenderPages()
    {
        var layout = Project.Layout;
        var dossier = DossierLoader.Load(layout).Dossier!;
        var (anchored, _) = QuoteAnchorer.Anchor(dossier);
        var diagnostics = new DiagnosticBag();
        var strings = UiStrings.Load(layout.Theme, dossier.Site.Language, layout, diagnostics)!;
        var templates = TemplateSet.Load(layout.Theme, layout, diagnostics)!;
        var plan = SitePlanner.Plan(anchored, strings, new SiteUrls(dossier.Site.BasePath));
        return new SiteRenderer(plan, templates).RenderAll().Select(r => r.Html!).ToList();
    }

    public void Dispose()
    {
        Project.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class MinimalSite() : BuiltSite(TestProject.Minimal());
