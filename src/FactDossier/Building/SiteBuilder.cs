using FactDossier.Anchoring;
using FactDossier.Coverage;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Planning;
using FactDossier.Publishing;
using FactDossier.Rendering;
using FactDossier.Validation;

namespace FactDossier.Building;

/// <summary>
/// The pipeline: Load → Validate + Anchor → Plan → Render → Check links → Publish. It stops after the first stage that
/// reports an error (having collected all of that stage's errors) and publishes only a build with none. A full build
/// and an incremental one are the same sequence: what the last build left (<see cref="Baseline"/>) and what changed
/// since (<see cref="Delta"/>) only narrow what each stage makes anew and which files are written.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options, CancellationToken cancellation = default) => Build(options, memory: null, cancellation);

    /// <param name="memory">A preview's or build server's: the next build reuses what the last one made from files that did not change.</param>
    public static BuildResult Build(BuildOptions options, BuildMemory? memory, CancellationToken cancellation = default)
    {
        memory?.FinishBackgroundWork();
        var run = new BuildRun(options.Strict);
        return OnDisk(run, options.Layout, () =>
        {
            using var writing = options.Write ? TakeOutput(options, memory) : null; // until the record is written: one writer at a time
            using var baseline = Baseline.Resolve(options, memory, mark: writing?.Mark);
            if (baseline.NothingChanged)
            {
                run.Lap("unchanged");
                return run.Unchanged(baseline.Record!);
            }

            if (Plan(options, baseline, run, everything: false) is not { } planned)
            {
                return run.Result();
            }

            using var staging = options.Write ? new StagedOutputFolder(options.Layout.Output, Guid.NewGuid().ToString("N"), changesOnly: planned.Before is not null) : null;
            if (Render(options, planned, baseline, staging ?? (ISiteWriter)new DiscardingWriter(), run, cancellation) is { } site && staging is not null)
            {
                cancellation.ThrowIfCancellationRequested();
                Publish(options, site, baseline, staging, memory, run, writing!);
            }

            return run.Result();
        });
    }

    /// <summary>
    /// The build server's first build: every stage run and every page rendered into a writer that discards, and the
    /// result kept in <paramref name="memory"/> only if output/ is exactly what the stages made from the input as recorded.
    /// </summary>
    internal static BuildResult WarmUp(BuildOptions options, BuildMemory memory, CancellationToken cancellation = default)
    {
        memory.FinishBackgroundWork();
        var run = new BuildRun(options.Strict);
        var noted = FileStamp.Of(SiteRecord.PathFor(options.Layout)); // first: a record written while this build reads is not the one it adopts
        using var baseline = Baseline.Resolve(options, memory, warmUp: true);
        if (baseline.NothingChanged && Plan(options, baseline, run, everything: true) is { } planned
            && Render(options, planned, baseline, new DiscardingWriter(), run, cancellation) is { } site
            && site.Writer.Written.IsEmpty && !planned.Before!.Gone(site.Plan, site.OtherFiles, () => site.Made).Any()
            && baseline.StillDescribesOutput() && FileStamp.Of(SiteRecord.PathFor(options.Layout)) == noted)
        {
            memory.Recorded(options.Layout, baseline.Record!, noted!.Value);
            memory.Keep(ToKeep(site, baseline), incremental: false);
        }

        return run.Result();
    }

    /// <summary>Load, what changed, validate and anchor, the theme, and the plan.</summary>
    /// <param name="everything">Make every page whatever changed (the warm-up, which reads every page's links).</param>
    private static PlannedSite? Plan(BuildOptions options, Baseline baseline, BuildRun run, bool everything)
    {
        var layout = options.Layout;
        var theme = ThemeStamp.Of(layout.Theme);
        var sameTheme = baseline.Last is { } last && last.Theme == theme ? last : null; // its templates and strings still hold
        var parsing = ParseTemplates(sameTheme, layout); // the templates need nothing from the input
        var loaded = DossierLoader.Load(layout, options.Files, baseline.Files);
        baseline.Stored?.Loaded();
        run.Lap("load");
        if (run.Failed(loaded.Diagnostics) || loaded.Dossier is not { } dossier)
        {
            return null;
        }

        var delta = everything ? Delta.Everything(dossier) : baseline.DeltaOf(dossier, theme);
        var site = options.BaseUrl is { } baseUrl ? dossier with { Site = dossier.Site with { BaseUrl = baseUrl } } : dossier;
        if (Check(options, site, baseline, delta, run) is not var (anchored, checks)
            || Theme(parsing, sameTheme, site, layout, run) is not var (strings, templates))
        {
            return null;
        }

        var urls = new SiteUrls(options.BasePath ?? options.BaseUrl?.AbsolutePath ?? site.Site.BasePath ?? site.Site.BaseUrl?.AbsolutePath);
        var plan = SitePlanner.Plan(anchored, strings, urls, delta, delta.OnlyClaims ? baseline.Last?.Plan : null, baseline.Stored?.Markdown);
        baseline.Stored?.Planned();
        run.Stats = run.Stats with { Cache = baseline.Stored?.Use };
        run.Lap("plan");
        return new PlannedSite(dossier, delta, anchored, checks, theme, strings, templates, plan, baseline.Previous(delta), run.Stats.Coverage);
    }

    /// <summary>Validation and anchoring read the dossier and nothing of each other: they run side by side, and report together.</summary>
    private static (AnchoredDossier, ClaimChecks)? Check(BuildOptions options, Dossier dossier, Baseline baseline, Delta delta, BuildRun run)
    {
        var last = delta.OnlyClaims ? baseline.Last : null;
        var validating = Task.Run(() => DossierValidator.Validate(dossier, delta, last?.Planned.Checks));
        var (anchored, found) = QuoteAnchorer.Anchor(dossier, delta, last?.Anchored, baseline.Stored?.Anchors);
        baseline.Stored?.Anchored();
        var anchoring = found.Concat(StatementsAreNotRepeated.Check(anchored)).ToList();
        var (validated, checks) = validating.GetAwaiter().GetResult();
        var quotes = dossier.Claims.Sum(c => 1 + c.CounterStatements.Count(s => s.Quote is not null));
        run.Stats = run.Stats with
        {
            Articles = dossier.Articles.Length, Claims = dossier.Claims.Length, Quotes = quotes, QuotesAnchored = anchored.Anchors.Length,
            Coverage = PassageCoverage.Of(anchored, options.ListUncovered, last is null ? null : (last.Planned.Coverage, last.Anchored, delta.Claims!)),
        };
        run.Lap("validate+anchor");
        return run.Failed([.. validated, .. PublishedSiteHasBaseUrl(options, dossier), .. anchoring]) ? null : (anchored, checks);
    }

    /// <summary>The last build's templates while the theme's files are the same; else parsed anew, beside the load.</summary>
    private static Task<(TemplateSet?, IReadOnlyList<Diagnostic>)> ParseTemplates(PublishedSite? sameTheme, InputLayout layout) =>
        sameTheme is not null
            ? Task.FromResult<(TemplateSet?, IReadOnlyList<Diagnostic>)>((sameTheme.Planned.Templates, []))
            : Task.Run<(TemplateSet?, IReadOnlyList<Diagnostic>)>(() =>
            {
                var diagnostics = new DiagnosticBag();
                return (TemplateSet.Load(layout.Theme, layout, diagnostics), diagnostics.ToSortedList());
            });

    private static (UiStrings, TemplateSet)? Theme(Task<(TemplateSet?, IReadOnlyList<Diagnostic>)> parsing, PublishedSite? sameTheme, Dossier dossier,
        InputLayout layout, BuildRun run)
    {
        var diagnostics = new DiagnosticBag();
        var strings = sameTheme is not null && sameTheme.Planned.Strings.Language == dossier.Site.Language
            ? sameTheme.Planned.Strings
            : UiStrings.Load(layout.Theme, dossier.Site.Language, layout, diagnostics);
        var (templates, templateDiagnostics) = parsing.GetAwaiter().GetResult();
        run.Lap("theme");
        return run.Failed([.. diagnostics.ToSortedList(), .. templateDiagnostics]) || strings is null || templates is null ? null : (strings, templates);
    }

    /// <summary>
    /// Renders the pages that must be (every one, or those an edit touched) while the data files are written and the
    /// share images drawn, then checks the links.
    /// </summary>
    private static PublishedSite? Render(BuildOptions options, PlannedSite planned, Baseline baseline, ISiteWriter target, BuildRun run, CancellationToken cancellation)
    {
        var (plan, before, layout) = (planned.Plan, planned.Before, options.Layout);
        var last = planned.Delta.OnlyClaims ? baseline.Last : null;
        var writer = new ChangedFilesWriter(target, baseline.Outputs, baseline.Damaged);
        var renderer = new SiteRenderer(plan, planned.Templates, last?.Renderer);
        run.Lap("cards");
        var toRender = before is null ? plan.Pages : before.ToRender(plan);
        var toDraw = before is null ? plan.ShareCards : [.. plan.ShareCards.Where(before.MustDraw)];
        var ((read, renderProblems), (otherFiles, drawProblems)) = RenderWhileWriting(
            () => renderer.RenderInto(toRender, writer, cancellation),
            () => (SiteFiles.Write(plan, layout, writer, last is null ? null : (last.Plan.Files, last.OtherFiles)),
                ShareCardDrawer.DrawAll(toDraw, planned.Templates, layout, writer, cancellation)));
        if (run.Failed([.. renderer.Errors, .. renderProblems, .. drawProblems]))
        {
            run.Lap("render");
            return null;
        }

        // The other pages' links were all good in the last build; with the same pages and ids they still are.
        var links = before?.LinksWith(plan, read) ?? read.ToDictionary(p => p.OutputPath, StringComparer.Ordinal);
        var sameTargets = before is not null && before.HasSameTargets(plan, read);
        if (before is { KnowsLinks: false } && !sameTargets && !ReadTheOthers(plan, toRender, renderer, writer, links, run, cancellation))
        {
            return null;
        }

        var everyPage = before is null || toRender.Count == plan.Pages.Count || (!sameTargets && !before.KnowsLinks);
        run.Stats = run.Stats with { Pages = plan.Pages.Count, Rendered = everyPage ? plan.Pages.Count : toRender.Count, Files = otherFiles.Count };
        run.Lap("render");
        var checker = new LinkChecker(planned.Plan.Context!.Urls);
        var problems = everyPage || !sameTargets ? checker.Check(links, [.. links.Values], otherFiles)
            : checker.Check(links, read, otherFiles, checkedBefore: before!.KnowsLinks ? before.Links : null);
        run.Lap("check links");
        var size = SiteSize.Of(plan.Pages.Select(p => p.OutputPath).Concat(otherFiles), writer, baseline.Record?.Outputs); // before anything is put in place
        return run.Failed([.. problems, .. SiteSize.Check(size, planned.Loaded.Site)]) ? null : new PublishedSite(layout.Output, planned, renderer, writer, links, otherFiles) { LinksKnown = everyPage || before!.KnowsLinks };
    }

    /// <summary>The record keeps each page's ids, not its links: pages or ids changed, so every other page is read again.</summary>
    private static bool ReadTheOthers(SitePlan plan, IReadOnlyList<PagePlan> rendered, SiteRenderer renderer, ChangedFilesWriter writer,
        Dictionary<string, LinkChecker.PageLinks> links, BuildRun run, CancellationToken cancellation)
    {
        var done = rendered.Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
        var (more, problems) = renderer.RenderInto([.. plan.Pages.Where(p => !done.Contains(p.OutputPath))], writer, cancellation);
        if (run.Failed([.. problems, .. renderer.Errors]))
        {
            run.Lap("render");
            return false;
        }

        foreach (var page in more)
        {
            links[page.OutputPath] = page;
        }

        return true;
    }

    /// <summary>
    /// Puts the new site in place, then records it (the command line now; the build server after replying, still holding
    /// the output's lock) and keeps it in memory. Everything that takes disk space (the staged files, the journal, the
    /// command line's record) is written before output/ changes.
    /// </summary>
    private static void Publish(BuildOptions options, PublishedSite site, Baseline baseline, StagedOutputFolder staging, BuildMemory? memory, BuildRun run,
        OutputLock writing)
    {
        var layout = options.Layout;
        run.Stats = run.Stats with { Written = site.Writer.Written.Count };
        var before = site.Planned.Before;
        var written = baseline.KeepsRecord ? SiteRecord.StampWritten(staging, site.Writer) : null; // before the reply: a file changed after it is damaged
        var (diagnostics, stats) = (run.Diagnostics.ToList(), run.Stats);
        using var record = memory is null && written is not null ? baseline.RecordOf(site, written, diagnostics, stats).WriteAside(layout) : null;
        var mark = "";
        void Changing()
        {
            SiteRecord.Delete(layout); // until the new one is in place, no record describes output/
            mark = writing.Changing();
        }

        // A full build puts the staged folder in place; an incremental one its changes (what they replace kept for the preview).
        var replaced = before is null ? null : staging.CommitChanges(before.Gone(site.Plan, site.OtherFiles, () => site.Made), keepReplaced: memory is not null, Changing);
        if (before is null)
        {
            staging.Commit(Changing);
        }

        record?.PutInPlace();
        if (memory is not null && written is not null)
        {
            // After replying, before its next build: until then there is no record, and no other writer may take output/.
            var holding = writing.KeepPastDispose();
            memory.AfterBuild(() =>
            {
                using (holding)
                {
                    if (!File.Exists(SiteRecord.PathFor(layout))) // else a writer that does not take the lock wrote output/ and its record since
                    {
                        var recorded = baseline.RecordOf(site, written, diagnostics, stats);
                        memory.Recorded(layout, recorded, recorded.Write(layout));
                    }
                }
            });
        }

        if (replaced is not null)
        {
            memory!.Retire(replaced);
        }

        run.Lap("publish");
        memory?.Keep(site.LinksKnown ? ToKeep(site, baseline) : null, incremental: before is { KnowsLinks: true }, mark);
    }

    /// <summary>The output folder's lock, for a command line build, a build server's or a preview's.</summary>
    private static OutputLock TakeOutput(BuildOptions options, BuildMemory? memory) =>
        OutputLock.Take(OutputLock.PathFor(SiteRecord.PathFor(options.Layout)), memory is null ? "build" : memory.KeepsNoRecord ? "preview" : "build server",
            options.LockPatience, options.Waiting ?? Console.Error.WriteLine);

    /// <summary>What memory keeps: the key of each share image (drawn now, or as the last build left it), and not the site before this one.</summary>
    private static PublishedSite ToKeep(PublishedSite site, Baseline baseline) => site with
    {
        Planned = site.Planned with { Before = null }, // else each kept site holds the one before it, and so every build of a session
        ShareCards = site.Plan.ShareCards.Select(c => c.OutputPath)
            .ToDictionary(p => p, p => new OutputFile(default, site.Writer.Hashes.TryGetValue(p, out var key) ? key : baseline.Outputs![p].Hash), StringComparer.Ordinal),
    };

    /// <summary>
    /// Renders the pages while the data files (final since planning) are written, and returns once both are done: a
    /// write still running must not outlive the staging folder. The rendering's failure, if any, is the one reported.
    /// </summary>
    private static (TRendered, TWritten) RenderWhileWriting<TRendered, TWritten>(Func<TRendered> render, Func<TWritten> write)
    {
        var writing = Task.Run(write);
        try
        {
            return (render(), writing.GetAwaiter().GetResult());
        }
        catch
        {
            Task.WaitAny(writing); // waits without throwing
            _ = writing.Exception; // observed: the first exception (the rendering's, if it failed) is the one that goes on
            throw;
        }
    }

    /// <summary>A site built for publishing (<c>build --strict</c>) without its address has no canonical links, og:url or share images.</summary>
    private static IEnumerable<Diagnostic> PublishedSiteHasBaseUrl(BuildOptions options, Dossier dossier)
    {
        if (options.Strict && options.Write && dossier.Site.BaseUrl is null)
        {
            yield return new Diagnostic(DiagnosticCode.NoBaseUrl, SourceSpan.StartOf(options.Layout.Display(options.Layout.SiteFile)),
                "a published site needs its address: without it, pages have no canonical link, no absolute address for social media (og:url) and no share image",
                "set base_url in input/site.yml, or pass --base-url https://…/ (the Pages workflow passes the site's address)");
        }
    }

    /// <summary>
    /// The disk, not the editor's input: a problem reading the record or writing the site (or another writer of the
    /// output folder that did not finish in time) is a diagnostic naming the folder, and the previous output stays as it was.
    /// </summary>
    private static BuildResult OnDisk(BuildRun run, InputLayout layout, Func<BuildResult> build)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (OutputProblem.Of(e, layout) is { } problem)
        {
            run.Failed([problem]);
            return run.Result();
        }
    }
}
