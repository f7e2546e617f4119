using FactDossier.Editing;
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using FactDossier.Anchoring;
using FactDossier.Caching;
using FactDossier.Coverage;
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
/// A full build and an incremental one are the same sequence: what the last build left (the preview's memory, or the
/// command line's <see cref="SiteRecord"/>) only narrows which pages are rendered again and which files are written.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, CancellationToken cancellation = default) => Build(options, memory: null, cancellation);

    /// <param name="memory">The preview's: reuse what the last build made from files that have not changed.</param>
    public static BuildResult Build(BuildOptions options, BuildMemory? memory, CancellationToken cancellation = default) =>
        Build(options, memory, warmUp: false, cancellation);

    /// <summary>
    /// The build server's first build: every stage run, every page rendered and checked, nothing written, and the result
    /// kept in <paramref name="memory"/> only if output/ is exactly what the stages made from the input as recorded.
    /// </summary>
    internal static BuildResult WarmUp(BuildOptions options, BuildMemory memory, CancellationToken cancellation = default) =>
        Build(options, memory, warmUp: true, cancellation);

    private static BuildResult Build(BuildOptions options, BuildMemory? memory, bool warmUp, CancellationToken cancellation)
    {
        memory?.FinishBackgroundWork();
        var run = new BuildRun(options.Strict);
        var layout = options.Layout;
        if (warmUp)
        {
            memory!.Recorded(layout); // first: a record written while this build reads is not the one it adopts
        }

        RecordedBuild? recorded;
        try
        {
            // The build server keeps its memory and the command line's record both: the record says what changed on disk
            // since any build, its memory what it made last.
            recorded = options.Write && memory is not { KeepsNoRecord: true }
                ? RecordedBuild.Take(options, recover: !warmUp, memory is null ? null : () => memory.OwnRecord(options))
                : null;
        }
        catch (Exception e) when (IsDiskProblem(e))
        {
            run.Failed([DiskProblem(layout, e)]);
            return run.Result();
        }

        if (memory is { KeepsNoRecord: false, Last: not null } && !memory.Describes(recorded!))
        {
            memory.Last = null; // another build wrote output/ since: the record is the truth
        }

        if (warmUp && recorded?.NothingChanged != true)
        {
            return run.Result(); // nothing to adopt: output/ is not what the input makes
        }

        if (recorded?.NothingChanged == true && !warmUp)
        {
            run.Lap("unchanged");
            return run.Unchanged(recorded.Record!);
        }

        var last = options.Write && memory?.Last is { } l && l.Output == layout.Output && Directory.Exists(l.Output) ? l : null;

        // The templates need nothing from the input: they are parsed while it loads.
        var theme = ThemeStamp.Of(layout.Theme);
        var templateDiagnostics = new DiagnosticBag();
        var parsing = last is not null && last.Theme == theme
            ? Task.FromResult<TemplateSet?>(last.Templates)
            : Task.Run(() => TemplateSet.Load(layout.Theme, layout, templateDiagnostics));
        // The command line keeps its stages' work on disk between runs; the preview keeps it in memory after its first
        // build, whose load checks every file's stamp (later ones trust the watcher, which saw nothing of the stored files).
        using var stored = options.Write && memory?.Started != true ? new StoredWork(layout, memory?.Files, save: !warmUp) : null;
        if (memory is not null)
        {
            memory.Started = true;
        }

        var loaded = DossierLoader.Load(layout, options.Files, stored?.Files ?? memory?.Files);
        stored?.Loaded();
        run.Lap("load");
        if (run.Failed(loaded.Diagnostics) || loaded.Dossier is not { } dossier)
        {
            return run.Result();
        }

        if (options.BaseUrl is { } baseUrl)
        {
            dossier = dossier with { Site = memory?.WithBaseUrl(dossier.Site, baseUrl) ?? dossier.Site with { BaseUrl = baseUrl } };
        }

        // Validation and anchoring read the dossier and nothing of each other: they run side by side.
        var validating = Task.Run(() => DossierValidator.Validate(dossier, memory?.Checks));
        var (anchored, found) = QuoteAnchorer.Anchor(dossier, last?.Anchored, stored?.Anchors);
        stored?.Anchored();
        var anchoring = found.Concat(StatementsAreNotRepeated.Check(anchored)).ToList();
        var (validated, checks) = validating.GetAwaiter().GetResult();
        if (memory is not null)
        {
            memory.Checks = checks;
        }

        var validation = validated.Concat(PublishedSiteHasBaseUrl(options, dossier, layout));
        var quotes = dossier.Claims.Sum(c => 1 + c.CounterStatements.Count(s => s.Quote is not null));
        run.Stats = run.Stats with { Articles = dossier.Articles.Length, Claims = dossier.Claims.Length, Quotes = quotes, QuotesAnchored = anchored.Anchors.Length, Coverage = PassageCoverage.Of(anchored) };
        run.Lap("validate+anchor");
        if (run.Failed(validation.Concat(anchoring)))
        {
            return run.Result();
        }

        var sameTheme = last is not null && last.Theme == theme && last.Strings.Language == dossier.Site.Language;
        var themeDiagnostics = new DiagnosticBag();
        var strings = sameTheme ? last!.Strings : UiStrings.Load(layout.Theme, dossier.Site.Language, layout, themeDiagnostics);
        var templates = parsing.GetAwaiter().GetResult();
        run.Lap("theme");
        if (run.Failed([.. themeDiagnostics.ToSortedList(), .. templateDiagnostics.ToSortedList()]) || strings is null || templates is null)
        {
            return run.Result();
        }

        var urls = new SiteUrls(options.BasePath ?? options.BaseUrl?.AbsolutePath ?? dossier.Site.BasePath ?? dossier.Site.BaseUrl?.AbsolutePath);
        var plan = SitePlanner.Plan(anchored, strings, urls, sameTheme ? last!.Plan : null, stored?.Markdown);
        stored?.Planned();
        run.Stats = run.Stats with { Cache = stored?.Use };
        run.Lap("plan");
        var kept = sameTheme && plan.Context!.HasSameSettingsAs(last!.Plan.Context!) ? last : null;
        var before = kept is not null ? PreviousSite.Of(kept, plan.Context!.ChangedClaims!) : recorded?.Previous(dossier, everyPage: warmUp);

        try
        {
            return Publish();
        }
        catch (Exception e) when (IsDiskProblem(e))
        {
            run.Failed([DiskProblem(layout, e)]);
            return run.Result();
        }

        BuildResult Publish()
        {
            using var staging = options.Write && !warmUp ? new StagedOutputFolder(layout.Output, BuildId(), changesOnly: before is not null) : null;
            var writer = new ChangedFilesWriter(staging is null ? new DiscardingWriter() : staging, recorded?.Record?.Outputs ?? kept?.ShareCards,
                recorded?.Damaged ?? Empty);
            var renderer = new SiteRenderer(plan, templates, kept?.Renderer);
            run.Lap("cards");
            var toRender = before is null ? plan.Pages : before.ToRender(plan);
            var toDraw = before is null ? plan.ShareCards : [.. plan.ShareCards.Where(before.MustDraw)];
            var ((pageLinks, renderDiagnostics), (otherFiles, cardDiagnostics)) = RenderWhileWriting(
                () => RenderPages(toRender, renderer, writer, cancellation),
                () => (WriteFiles(plan, layout, writer, kept), DrawShareCards(toDraw, templates, layout, writer, cancellation)));
            if (run.Failed(renderer.Errors.Concat(renderDiagnostics).Concat(cardDiagnostics)))
            {
                run.Lap("render");
                return run.Result();
            }

            // The other pages' links were all good in the last build; with the same pages and ids they still are.
            var links = before?.LinksWith(plan, pageLinks) ?? pageLinks.ToDictionary(p => p.OutputPath, StringComparer.Ordinal);
            var sameTargets = before is not null && before.HasSameTargets(plan, pageLinks);
            if (before is not null && !sameTargets && !before.KnowsLinks)
            {
                // The record keeps each page's ids, not its links: pages or ids changed, so every page is read again.
                var rendered = toRender.Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
                var (more, moreDiagnostics) = RenderPages([.. plan.Pages.Where(p => !rendered.Contains(p.OutputPath))], renderer, writer, cancellation);
                if (run.Failed(moreDiagnostics.Concat(renderer.Errors)))
                {
                    run.Lap("render");
                    return run.Result();
                }

                toRender = plan.Pages;
                foreach (var page in more)
                {
                    links[page.OutputPath] = page;
                }
            }

            run.Stats = run.Stats with { Pages = plan.Pages.Count, Rendered = toRender.Count, Files = otherFiles.Count };
            run.Lap("render");
            var checker = new LinkChecker(urls);
            var linkDiagnostics = before is null || toRender.Count == plan.Pages.Count ? checker.Check(links, [.. links.Values], otherFiles)
                : sameTargets ? checker.Check(links, pageLinks, otherFiles, checkedBefore: before.KnowsLinks ? before.Links : null)
                : checker.Check(links, [.. links.Values], otherFiles);
            run.Lap("check links");
            if (run.Failed(linkDiagnostics))
            {
                return run.Result();
            }

            cancellation.ThrowIfCancellationRequested();
            run.Stats = run.Stats with { Written = writer.Written.Count };
            HashSet<string>? made = null;
            HashSet<string> Made() => made ??= plan.Pages.Select(p => p.OutputPath).Concat(otherFiles).ToHashSet(StringComparer.Ordinal);
            if (staging is not null)
            {
                SiteRecord.Delete(layout); // until the new one is written, no record describes output/
                string? replaced = null;
                if (before is null)
                {
                    staging.Commit();
                }
                else
                {
                    replaced = staging.CommitChanges(before.Gone(plan, otherFiles, Made), keepReplaced: memory is not null);
                }

                var stamps = recorded?.StampWritten(writer);
                if (recorded is not null && memory is not null)
                {
                    // The build server writes the record after replying, before its next build: until then there is none,
                    // and a build without it would be a full one, never a wrong one.
                    var (diagnostics, stats) = (run.Diagnostics.ToList(), run.Stats);
                    memory.AfterBuild(() =>
                    {
                        if (!File.Exists(SiteRecord.PathFor(layout))) // else another build wrote output/ and its record since
                        {
                            memory.Recorded(layout, recorded.Remember(dossier, plan, links, writer, stamps!, Made(), diagnostics, stats));
                        }
                    });
                }
                else
                {
                    _ = recorded?.Remember(dossier, plan, links, writer, stamps!, Made(), run.Diagnostics, run.Stats);
                }

                if (replaced is not null)
                {
                    memory!.Retire(replaced);
                }
            }

            run.Lap("publish");
            if (memory is not null)
            {
                // The next build carries each page's links from this one: known only for pages this one read or carried.
                var linksKnown = before is null || before.KnowsLinks || toRender.Count == plan.Pages.Count;
                // Adopted only if the stages made every file as output/ holds it, from the input as it still is.
                RecordedBuild? now = null;
                var adopted = !warmUp || (writer.Written.IsEmpty && !before!.Gone(plan, otherFiles, Made).Any()
                    && (now = RecordedBuild.Take(options, recover: false)) is { NothingChanged: true } && memory.Describes(now));
                if (warmUp && adopted)
                {
                    memory.Adopted(now!.Record!); // read after the file's stamp was noted, and the file still has it
                }

                memory.Last = (staging is null && !warmUp) || !linksKnown || !adopted ? null
                    : new LastBuild(layout.Output, theme, strings, templates, anchored, plan, renderer, links, otherFiles)
                    {
                        ShareCards = plan.ShareCards.Select(c => c.OutputPath)
                            .Select(p => (Path: p, Key: writer.Hashes.TryGetValue(p, out var key) ? key : (kept?.ShareCards ?? recorded!.Record!.Outputs)[p].Hash))
                            .ToDictionary(c => c.Path, c => new OutputFile(default, c.Key), StringComparer.Ordinal),
                    };
                memory.LastKind = kept is null ? "full" : "incremental";
                if (plan.Context?.PageIndex is { } index)
                {
                    memory.AfterBuild(() => _ = index.Value);
                }
            }

            return run.Result();
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

    /// <summary>A site built for publishing (<c>build --strict</c>) without its address has no canonical links, og:url or share images.</summary>
    private static IEnumerable<Diagnostic> PublishedSiteHasBaseUrl(BuildOptions options, Model.Dossier dossier, InputLayout layout)
    {
        if (options.Strict && options.Write && dossier.Site.BaseUrl is null)
        {
            yield return new Diagnostic(DiagnosticCode.NoBaseUrl, SourceSpan.StartOf(layout.Display(layout.SiteFile)),
                "a published site needs its address: without it, pages have no canonical link, no absolute address for social media (og:url) and no share image",
                "set base_url in input/site.yml, or pass --base-url https://…/ (the Pages workflow passes the site's address)");
        }
    }

    /// <summary>The disk, not the editor's input: say which folder; the previous output stays as it was.</summary>
    private static Diagnostic DiskProblem(InputLayout layout, Exception e)
    {
        var message = e is AggregateException a ? a.InnerExceptions[0].Message : e.Message;
        return new Diagnostic(DiagnosticCode.OutputNotWritable, SourceSpan.StartOf(layout.Display(layout.Output)),
            $"cannot write the site: {message}", "check that the output path is a folder (or does not exist yet) in a writable place, and that input/ can be read");
    }

    private static bool IsDiskProblem(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is AggregateException a && a.InnerExceptions.All(IsDiskProblem));

    private static (IReadOnlyList<LinkChecker.PageLinks>, IReadOnlyList<Diagnostic>) RenderPages(
        IReadOnlyList<PagePlan> pages, SiteRenderer renderer, ChangedFilesWriter writer, CancellationToken cancellation)
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

    private static void Write(ChangedFilesWriter writer, string outputPath, PageWriter page)
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
    /// <param name="changed">Whether its text is known to differ from what the last build wrote.</param>
    private static void WriteText(ChangedFilesWriter writer, DataFile file, bool changed = false)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WriteBufferSize);
        try
        {
            if (changed)
            {
                writer.WriteChanged(file.OutputPath, Utf8Chunks(file.Pieces, buffer));
            }
            else
            {
                writer.Write(file.OutputPath, Utf8Chunks(file.Pieces, buffer));
            }
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

    /// <summary>
    /// Draws the share images that must be (<paramref name="cards"/>), each from its SVG, in parallel; returns the
    /// problems. Every image of the plan is one of the site's files, drawn now or kept as the last build left it.
    /// </summary>
    private static IReadOnlyList<Diagnostic> DrawShareCards(IReadOnlyList<ShareCardPlan> cards, TemplateSet templates, InputLayout layout,
        ChangedFilesWriter writer, CancellationToken cancellation)
    {
        if (cards.Count == 0)
        {
            return [];
        }

        var diagnostics = new DiagnosticBag();
        using var drawer = ShareCardDrawer.Load(layout, diagnostics);
        if (drawer is null)
        {
            return diagnostics.ToSortedList();
        }

        var errors = new ConcurrentBag<Diagnostic>();
        Parallel.ForEach(cards, new ParallelOptions { CancellationToken = cancellation }, card =>
        {
            if (templates.RenderFragment("share-card", card.Values, fragments: null, strings: null, out var error) is not { } svg)
            {
                errors.Add(error!);
                return;
            }

            var source = svg.Html;
            var key = drawer.KeyOf(source);
            writer.WriteMade(card.OutputPath, key, () => drawer.Png(source, key));
        });
        return DiagnosticOrder.Sort(errors.DistinctBy(e => (e.Span, e.Message)));
    }

    /// <summary>Data files and the theme's assets; returns every path written, for the link check.</summary>
    /// <param name="kept">The preview's last build, with the same theme: only the data files that changed are written.</param>
    private static HashSet<string> WriteFiles(SitePlan plan, InputLayout layout, ChangedFilesWriter writer, LastBuild? kept)
    {
        if (kept is not null)
        {
            var old = kept.Plan.Files.ToDictionary(f => f.OutputPath, StringComparer.Ordinal);
            // Side by side, the largest first: after one edit, claims.json and the feed (18 MB at 10k claims) and a few
            // files of the search index.
            var changed = plan.Files.Where(f => !old.TryGetValue(f.OutputPath, out var before) || !f.HasSameTextAs(before)).OrderByDescending(f => f.Length);
            Parallel.ForEach(Partitioner.Create(changed, EnumerablePartitionerOptions.NoBuffering), file => WriteText(writer, file, changed: true));

            return plan.Files.Select(f => f.OutputPath).Concat(plan.ShareCards.Select(c => c.OutputPath))
                .Concat(kept.OtherFiles.Where(f => f.StartsWith("assets/", StringComparison.Ordinal) || f.StartsWith(EditorFiles.Folder, StringComparison.Ordinal)))
                .ToHashSet(StringComparer.Ordinal);
        }

        var written = plan.ShareCards.Select(c => c.OutputPath).ToHashSet(StringComparer.Ordinal);
        foreach (var file in plan.Files)
        {
            WriteText(writer, file);
            written.Add(file.OutputPath);
        }

        CopyThemeFolder(layout, "assets/", writer, written);
        if (plan.Files.Any(f => f.OutputPath == EditorFiles.ConfigPath))
        {
            CopyThemeFolder(layout, EditorFiles.Folder, writer, written);
        }

        return written;
    }

    /// <summary>A folder of the theme, as it is, to the same folder of the site.</summary>
    private static void CopyThemeFolder(InputLayout layout, string folder, ChangedFilesWriter writer, HashSet<string> written)
    {
        var from = Path.Combine(layout.Theme, folder);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = folder + Path.GetRelativePath(from, file).Replace('\\', '/');
            writer.Write(relative, File.ReadAllBytes(file));
            written.Add(relative);
        }
    }

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    private static string BuildId() => Guid.NewGuid().ToString("N");
}
