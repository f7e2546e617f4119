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
    public static BuildResult Build(BuildOptions options, CancellationToken cancellation = default) => Build(options, memory: null, cancellation);

    /// <param name="memory">The preview's: reuse what the last build made from files that have not changed.</param>
    public static BuildResult Build(BuildOptions options, BuildMemory? memory, CancellationToken cancellation = default)
    {
        memory?.FinishRetiring();
        var stages = new List<StageTime>();
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime();
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
            var (cpuNow, jitNow) = (Environment.CpuUsage.TotalTime, System.Runtime.JitInfo.GetCompilationTime());
            stages.Add(new StageTime(stage, clock.Elapsed, (long)(cpuNow - cpu).TotalMilliseconds, (long)(jitNow - jit).TotalMilliseconds));
            clock.Restart();
            (cpu, jit) = (cpuNow, jitNow);
        }

        var layout = options.Layout;
        var last = options.Write && memory?.Last is { } l && l.Output == Path.GetFullPath(layout.Output) && Directory.Exists(l.Output) ? l : null;
        // The templates need nothing from the input: they are parsed while it loads.
        var theme = ThemeStamp.Of(layout.Theme);
        var templateDiagnostics = new DiagnosticBag();
        var parsing = last is not null && last.Theme == theme
            ? Task.FromResult<TemplateSet?>(last.Templates)
            : Task.Run(() => TemplateSet.Load(layout.Theme, layout, templateDiagnostics));
        var loaded = DossierLoader.Load(layout, options.Files, memory?.Files);
        Lap("load");
        if (Failed(loaded.Diagnostics) || loaded.Dossier is not { } dossier)
        {
            return Result();
        }

        var validation = DossierValidator.Validate(dossier);
        var (anchored, found) = QuoteAnchorer.Anchor(dossier, last?.Anchored);
        var anchoring = found.Concat(StatementsAreNotRepeated.Check(anchored)).ToList();
        var quotes = dossier.Claims.Sum(c => 1 + c.CounterStatements.Count(s => s.Quote is not null));
        stats = stats with { Articles = dossier.Articles.Length, Claims = dossier.Claims.Length, Quotes = quotes, QuotesAnchored = anchored.Anchors.Length };
        Lap("validate+anchor");
        if (Failed(validation.Concat(anchoring)))
        {
            return Result();
        }

        var sameTheme = last is not null && last.Theme == theme && last.Strings.Language == dossier.Site.Language;
        var themeDiagnostics = new DiagnosticBag();
        var strings = sameTheme ? last!.Strings : UiStrings.Load(layout.Theme, dossier.Site.Language, layout, themeDiagnostics);
        var templates = parsing.GetAwaiter().GetResult();
        Lap("theme");
        if (Failed([.. themeDiagnostics.ToSortedList(), .. templateDiagnostics.ToSortedList()]) || strings is null || templates is null)
        {
            return Result();
        }

        var urls = new SiteUrls(options.BasePath ?? dossier.Site.BasePath ?? dossier.Site.BaseUrl?.AbsolutePath);
        var plan = SitePlanner.Plan(anchored, strings, urls, sameTheme ? last!.Plan : null);
        Lap("plan");
        var incremental = sameTheme && plan.Context!.HasSameSettingsAs(last!.Plan.Context!) ? last : null;

        try
        {
            return incremental is null ? RenderAndPublish() : RenderAndUpdate(incremental);
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
            var renderer = new SiteRenderer(plan, templates, cancellation: cancellation);
            Lap("cards");
            var ((pageLinks, renderDiagnostics), otherFiles) = RenderWhileWriting(
                () => RenderPages(plan.Pages, renderer, writer, cancellation), () => WriteFiles(plan, layout, writer));
            stats = stats with { Pages = plan.Pages.Count, Rendered = plan.Pages.Count, Files = otherFiles.Count };
            Lap("render");
            if (Failed(renderer.Errors.Concat(renderDiagnostics)))
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
            if (memory is not null)
            {
                memory.Last = staging is null
                    ? null
                    : new LastBuild(Path.GetFullPath(layout.Output), theme, strings, templates, anchored, plan, renderer,
                        pageLinks.ToDictionary(p => p.OutputPath, StringComparer.Ordinal), otherFiles);
                memory.LastKind = "full";
            }

            return Result();
        }

        // Only claims changed: render the pages that showed or now show one of them, check their links (and every
        // link, if pages came, went or changed their ids), and replace just those files in output/, each one atomically.
        BuildResult RenderAndUpdate(LastBuild previous)
        {
            // The plan knows which claims changed: it reused the last plan's views of all the others.
            var changed = plan.Context!.ChangedClaims!;
            var before = previous.Plan.Pages.ToDictionary(p => p.OutputPath, StringComparer.Ordinal);
            var affected = plan.Pages.Where(p => !before.TryGetValue(p.OutputPath, out var old) || Shows(p, changed) || Shows(old, changed)
                || !string.Equals(p.Signature, old.Signature, StringComparison.Ordinal)).ToList();
            var renderer = new SiteRenderer(plan, templates, previous.Renderer, cancellation);
            // Staged beside output/ and moved into it only once every link is checked: a failed build changes nothing.
            using var staging = new StagedOutputFolder(previous.Output, BuildId());
            var oldFiles = previous.Plan.Files.ToDictionary(f => f.OutputPath, StringComparer.Ordinal);
            var changedFiles = plan.Files.Where(f => !oldFiles.TryGetValue(f.OutputPath, out var old) || !f.HasSameTextAs(old)).ToList();
            var ((pageLinks, renderDiagnostics), _) = RenderWhileWriting(() => RenderPages(affected, renderer, staging, cancellation), () =>
            {
                changedFiles.ForEach(file => WriteText(staging, file));
                return changedFiles.Count;
            });
            var pages = plan.Pages.Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
            var links = previous.Links.Where(l => pages.Contains(l.Key)).ToDictionary(StringComparer.Ordinal);
            var sameTargets = pages.SetEquals(before.Keys);
            foreach (var page in pageLinks)
            {
                sameTargets &= links.TryGetValue(page.OutputPath, out var old) && old.Ids.SetEquals(page.Ids);
                links[page.OutputPath] = page;
            }

            stats = stats with { Pages = plan.Pages.Count, Rendered = affected.Count, Files = previous.OtherFiles.Count };
            Lap("render");
            if (Failed(renderer.Errors.Concat(renderDiagnostics)))
            {
                return Result();
            }

            // The other pages' links were all good in the last build; with the same pages and ids they still are.
            var linkDiagnostics = sameTargets
                ? new LinkChecker(urls).Check(links, pageLinks, previous.OtherFiles, checkedBefore: previous.Links)
                : new LinkChecker(urls).Check(links, [.. links.Values], previous.OtherFiles);
            Lap("check links");
            if (Failed(linkDiagnostics))
            {
                return Result();
            }

            cancellation.ThrowIfCancellationRequested();
            var replaced = staging.CommitChanges(before.Keys.Where(p => !pages.Contains(p)).Order(StringComparer.Ordinal));
            Lap("publish");
            memory!.Retire(replaced);
            memory.Last = previous with { Anchored = anchored, Plan = plan, Renderer = renderer, Links = links };
            memory.LastKind = "incremental";
            return Result();
        }
    }

    /// <summary>
    /// Renders the pages while the data files (final since planning) are written, and returns once both are done: a
    /// write still running must not outlive the staging folder. The rendering's failure, if any, is the one reported.
    /// </summary>
    private static (TRendered, TWritten) RenderWhileWriting<TRendered, TWritten>(Func<TRendered> render, Func<TWritten> write)
    {
        var writing = Task.Run(write);
        TRendered rendered;
        try
        {
            rendered = render();
        }
        catch
        {
            Task.WaitAny(writing); // waits without throwing
            _ = writing.Exception; // observed: the rendering's exception is the one that goes on
            throw;
        }

        return (rendered, writing.GetAwaiter().GetResult());
    }

    private static bool Shows(PagePlan page, IReadOnlySet<string> claims) => page.Shows is null || page.Shows.Overlaps(claims);

    private static bool IsDiskProblem(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is AggregateException a && a.InnerExceptions.All(IsDiskProblem));

    private static (IReadOnlyList<LinkChecker.PageLinks>, IReadOnlyList<Diagnostic>) RenderPages(
        IReadOnlyList<PagePlan> pages, SiteRenderer renderer, ISiteWriter writer, CancellationToken cancellation)
    {
        var links = new LinkChecker.PageLinks[pages.Count];
        var errors = new ConcurrentBag<Diagnostic>();
        // Largest first (the pages that list every claim, then those that list many), one page at a time: a long list
        // page rendered last would leave the other cores idle while it finishes.
        var order = Enumerable.Range(0, pages.Count).OrderByDescending(i => pages[i].Shows?.Count ?? int.MaxValue).ToArray();
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), options, i =>
        {
            var page = pages[i];
            if (renderer.Render(page, out var error) is not { } rendered)
            {
                errors.Add(error!);
                return;
            }

            using (rendered)
            {
                links[i] = LinkChecker.Scan(page.OutputPath, rendered, renderer.Strings);
                Write(writer, page.OutputPath, rendered);
            }
        });
        return (errors.IsEmpty ? links : [], DiagnosticOrder.Sort(errors.DistinctBy(e => (e.Span, e.Message))));
    }

    private static void Write(ISiteWriter writer, string outputPath, PageWriter page)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WriteBufferSize);
        try
        {
            writer.Write(outputPath, page.Utf8Chunks(buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // claims.json is 1.4 KB per claim: encoded piece by piece into a small buffer, not into one array the size of the file.
    private static void WriteText(ISiteWriter writer, DataFile file)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WriteBufferSize);
        try
        {
            writer.Write(file.OutputPath, Utf8Chunks(file.Pieces, buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Utf8Chunks(IReadOnlyList<string> pieces, byte[] buffer)
    {
        var used = 0;
        foreach (var piece in pieces)
        {
            for (var from = 0; from < piece.Length;)
            {
                System.Text.Unicode.Utf8.FromUtf16(piece.AsSpan(from), buffer.AsSpan(used), out var read, out var written);
                from += read;
                used += written;
                if (from < piece.Length)
                {
                    yield return buffer.AsMemory(0, used);
                    used = 0;
                }
            }
        }

        if (used > 0)
        {
            yield return buffer.AsMemory(0, used);
        }
    }

    // Most pages fit in one write; the few large lists (home, timeline) go out in pieces instead of one page-sized buffer.
    private const int WriteBufferSize = 256 * 1024;

    /// <summary>Data files and the theme's assets; returns every path written, for the link check.</summary>
    private static HashSet<string> WriteFiles(SitePlan plan, InputLayout layout, ISiteWriter writer)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in plan.Files)
        {
            WriteText(writer, file);
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
