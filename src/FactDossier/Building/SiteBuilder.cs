using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Planning;
using FactDossier.Publishing;
using FactDossier.Rendering;
using FactDossier.Validation;

namespace FactDossier.Building;

/// <summary>
/// The pipeline: Load → Validate + Anchor → Plan → Render → Check links → Publish. It stops after the first stage
/// that reports an error (having collected all of that stage's errors) and publishes only a build with none.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, CancellationToken cancellation = default)
    {
        var stages = new List<StageTime>();
        var clock = Stopwatch.StartNew();
        var stats = BuildStats.Empty;
        var diagnostics = new List<Diagnostic>();

        // Adds a stage's diagnostics and says whether the build must stop there.
        bool Failed(IEnumerable<Diagnostic> found)
        {
            diagnostics.AddRange(options.Strict ? found.Select(d => d with { Severity = Severity.Error }) : found);
            return diagnostics.Any(d => d.IsError);
        }

        BuildResult Result() => new(DiagnosticOrder.Sort(diagnostics), stats with { Stages = stages });

        void Lap(string stage)
        {
            stages.Add(new StageTime(stage, clock.ElapsedMilliseconds));
            clock.Restart();
        }

        var layout = options.Layout;
        var loaded = DossierLoader.Load(layout, options.Files);
        Lap("load");
        if (Failed(loaded.Diagnostics) || loaded.Dossier is not { } dossier)
        {
            return Result();
        }

        var validation = DossierValidator.Validate(dossier);
        var (anchored, anchoring) = QuoteAnchorer.Anchor(dossier);
        var quotes = dossier.Claims.Sum(c => 1 + c.CounterStatements.Count(s => s.Quote is not null));
        stats = stats with { Articles = dossier.Articles.Length, Claims = dossier.Claims.Length, Quotes = quotes, QuotesAnchored = anchored.Anchors.Length };
        Lap("validate+anchor");
        if (Failed(validation.Concat(anchoring)))
        {
            return Result();
        }

        var themeDiagnostics = new DiagnosticBag();
        var strings = UiStrings.Load(layout.Theme, dossier.Site.Language, layout, themeDiagnostics);
        var templates = TemplateSet.Load(layout.Theme, layout, themeDiagnostics);
        if (Failed(themeDiagnostics.ToSortedList()) || strings is null || templates is null)
        {
            return Result();
        }

        var urls = new SiteUrls(options.BasePath ?? dossier.Site.BasePath ?? dossier.Site.BaseUrl?.AbsolutePath);
        var plan = SitePlanner.Plan(anchored, strings, urls);
        Lap("plan");

        try
        {
            return RenderAndPublish();
        }
        catch (Exception e) when (IsDiskProblem(e))
        {
            // The disk, not the editor's input: say which folder; the previous output stays as it was.
            var message = e is AggregateException a ? a.InnerExceptions[0].Message : e.Message;
            Failed([new Diagnostic(DiagnosticCode.OutputNotWritable, SourceSpan.StartOf(layout.Display(layout.Output)),
                $"cannot write the site: {message}", "check that the output path is a folder (or does not exist yet) in a writable place")]);
            return Result();
        }

        BuildResult RenderAndPublish()
        {
            using var staging = options.Write ? new StagedOutputFolder(layout.Output, BuildId()) : null;
            ISiteWriter writer = staging is null ? new DiscardingWriter() : staging;
            var (pageLinks, renderDiagnostics) = RenderPages(plan, templates, writer, cancellation);
            var otherFiles = WriteFiles(plan, layout, writer);
            stats = stats with { Pages = plan.Pages.Count, Files = otherFiles.Count };
            Lap("render");
            if (Failed(renderDiagnostics))
            {
                return Result();
            }

            var linkDiagnostics = new LinkChecker(urls).Check(pageLinks, otherFiles);
            Lap("check links");
            if (Failed(linkDiagnostics))
            {
                return Result();
            }

            cancellation.ThrowIfCancellationRequested();
            staging?.Commit();
            Lap("publish");
            return Result();
        }
    }

    private static bool IsDiskProblem(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is AggregateException a && a.InnerExceptions.All(IsDiskProblem));

    private static (IReadOnlyList<LinkChecker.PageLinks>, IReadOnlyList<Diagnostic>) RenderPages(
        SitePlan plan, TemplateSet templates, ISiteWriter writer, CancellationToken cancellation)
    {
        var renderer = new SiteRenderer(plan, templates, cancellation: cancellation);
        var links = new LinkChecker.PageLinks[plan.Pages.Count];
        var errors = new ConcurrentBag<Diagnostic>(renderer.Errors);
        Parallel.For(0, plan.Pages.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var page = plan.Pages[i];
            if (renderer.Render(page, out var error) is not { } rendered)
            {
                errors.Add(error!);
                return;
            }

            links[i] = LinkChecker.Scan(page.OutputPath, rendered);
            Write(writer, page.OutputPath, rendered);
        });
        return (errors.IsEmpty ? links : [], DiagnosticOrder.Sort(errors.DistinctBy(e => (e.Span, e.Message))));
    }

    private static void Write(ISiteWriter writer, string outputPath, PageWriter page)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(page.MaxUtf8Length);
        try
        {
            writer.Write(outputPath, buffer.AsSpan(0, page.CopyUtf8To(buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Data files and the theme's assets; returns every path written, for the link check.</summary>
    private static HashSet<string> WriteFiles(SitePlan plan, InputLayout layout, ISiteWriter writer)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in plan.Files)
        {
            writer.Write(file.OutputPath, Encoding.UTF8.GetBytes(file.Content));
            written.Add(file.OutputPath);
        }

        var assets = Path.Combine(layout.Theme, "assets");
        if (Directory.Exists(assets))
        {
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = "assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/');
                writer.Write(relative, File.ReadAllBytes(file));
                written.Add(relative);
            }
        }

        return written;
    }

    private static string BuildId() => Guid.NewGuid().ToString("N");
}
