using System.Diagnostics;
using FactDossier.Anchoring;
using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Planning;
using FactDossier.Rendering;

namespace FactDossier.Bench;

/// <summary>
/// The preview's rebuild in-process, without the watcher and the server: one claim's headline edited, then an
/// incremental build, again and again. Prints each stage's median, then each planner's time on an edited plan.
/// </summary>
internal static class Edits
{
    public static void Run(string root, string theme, int edits)
    {
        var output = Path.Combine(Path.GetTempPath(), "factdossier-edits-" + Environment.ProcessId);
        var claim = Directory.EnumerateFiles(Path.Combine(root, "input", "claims"), "*.yml").Order(StringComparer.Ordinal).First();
        var original = File.ReadAllText(claim);
        var memory = new BuildMemory();
        try
        {
            var options = new BuildOptions(InputLayout.Under(root, output: output, theme: theme));
            Require(SiteBuilder.Build(options, memory));
            var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var cpu = new Dictionary<string, List<long>>(StringComparer.Ordinal);
            var totals = new List<double>();
            var (gen2, gen0, paused) = (GC.CollectionCount(2), GC.CollectionCount(0), GC.GetTotalPauseDuration());
            var compiled = new List<long>();
            var allocated = new List<long>();
            var retired = new List<double>();
            for (var i = 1; i <= edits; i++)
            {
                // The last build leaves work for later (deleting the files it replaced, indexing its pages): a person
                // saves again after that is done.
                var retiring = Stopwatch.StartNew();
                memory.FinishBackgroundWork();
                retired.Add(retiring.Elapsed.TotalMilliseconds);
                Edit(claim, original, i);
                memory.Files.Expect(new FileChanges(new HashSet<string> { claim }, new HashSet<string>(), [root])); // what the preview's watcher tells it
                var clock = Stopwatch.StartNew(); // the wall time, waits included, not the sum of the stages
                var (methods, bytes) = (System.Runtime.JitInfo.GetCompiledMethodCount(), GC.GetTotalAllocatedBytes(precise: true));
                var result = Require(SiteBuilder.Build(options, memory));
                compiled.Add(System.Runtime.JitInfo.GetCompiledMethodCount() - methods);
                allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - bytes);
                totals.Add(clock.Elapsed.TotalMilliseconds);
                foreach (var stage in result.Stats.Stages)
                {
                    (stages.TryGetValue(stage.Stage, out var list) ? list : stages[stage.Stage] = []).Add(stage.Wall.TotalMilliseconds);
                    (cpu.TryGetValue(stage.Stage, out var used) ? used : cpu[stage.Stage] = []).Add(stage.CpuMilliseconds);
                }
            }

            Console.WriteLine($"{edits} edits, {memory.LastKind} builds: median {Median(totals):0.0} ms, fastest quarter {Quartile(totals):0.0} ms ({string.Join(", ", stages.Select(s => $"{s.Key} {Median(s.Value):0.0} (CPU {cpu[s.Key].Average():0.0})"))})");
            Console.WriteLine($"  before each edit, waited a median {Median(retired):0.0} ms for the last build's work left for later (deleting replaced files, indexing its pages; not in the median)");
            Console.WriteLine($"  {GC.CollectionCount(0) - gen0} gen-0 and {GC.CollectionCount(2) - gen2} gen-2 collections, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / edits:0.0} ms per edit; methods compiled per edit, median of the last half {Median(compiled.Skip(edits / 2).ToList())}; {Median(allocated) / 1e6:0.0} MB allocated per edit; heap after a full collection {GC.GetTotalMemory(forceFullCollection: true) >> 20} MiB");
            Pages(memory, options, claim, original, root);
            Planners(root, theme, claim, original, edits);
        }
        finally
        {
            memory.FinishBackgroundWork();
            File.WriteAllText(claim, original);
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The pages an edit renders again, each rendered (and its links read) 20 times on its own: which of them cost.</summary>
    private static void Pages(BuildMemory memory, BuildOptions options, string claim, string original, string root)
    {
        var last = memory.Last!;
        Edit(claim, original, 10_000);
        memory.Files.Expect(new FileChanges(new HashSet<string> { claim }, new HashSet<string>(), [root]));
        var dossier = DossierLoader.Load(options.Layout, cache: memory.Files).Dossier!;
        var delta = Delta.Between(last.Loaded, last.TagCounts, dossier);
        var (anchored, _) = QuoteAnchorer.Anchor(dossier, delta, last.Anchored);
        var plan = SitePlanner.Plan(anchored, last.Planned.Strings, new SiteUrls("/"), delta, last.Plan);
        var changed = delta.Claims!;
        var timings = new List<string>();
        foreach (var page in plan.Pages.Where(p => p.Shows is null || p.Shows.Overlaps(changed)))
        {
            var (render, scan) = (new List<double>(), new List<double>());
            for (var i = 0; i < 20; i++)
            {
                var renderer = new SiteRenderer(plan, last.Planned.Templates, last.Renderer);
                var clock = Stopwatch.StartNew();
                using var html = renderer.Render(page, out _)!;
                render.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                _ = FactDossier.Publishing.LinkChecker.Scan(page.OutputPath, html);
                scan.Add(clock.Elapsed.TotalMilliseconds);
            }

            timings.Add($"{page.OutputPath} {Median(render):0.00} + {Median(scan):0.00}");
        }

        Console.WriteLine("pages rendered again, median of 20, render + read links (ms): " + string.Join(", ", timings));
    }

    private static void Planners(string root, string theme, string claim, string original, int edits)
    {
        var layout = InputLayout.Under(root, theme: theme);
        var cache = new LoadCache();
        var bag = new DiagnosticBag();
        var strings = UiStrings.Load(theme, "en", layout, bag)!;
        var urls = new SiteUrls("/");
        var (anchored, _) = QuoteAnchorer.Anchor(DossierLoader.Load(layout, cache: cache).Dossier!);
        var plan = SitePlanner.Plan(anchored, strings, urls);
        var checks = FactDossier.Validation.DossierValidator.Validate(anchored.Dossier, null, null).Checks;
        var times = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        void Add(string what, long ms)
        {
            (times.TryGetValue(what, out var list) ? list : times[what] = []).Add(ms);
            var now = GC.GetTotalAllocatedBytes(precise: true);
            (allocated.TryGetValue(what, out var made) ? made : allocated[what] = []).Add(now - bytes);
            bytes = GC.GetTotalAllocatedBytes(precise: true);
        }

        for (var i = 1; i <= edits; i++)
        {
            Edit(claim, original, 100 + i);
            var clock = Stopwatch.StartNew();
            bytes = GC.GetTotalAllocatedBytes(precise: true);
            var dossier = DossierLoader.Load(layout, cache: cache).Dossier!;
            Add("load", clock.ElapsedMilliseconds); clock.Restart();
            foreach (var rule in FactDossier.Validation.DossierValidator.Rules)
            {
                _ = rule.Check(dossier).Count();
                Add(rule.GetType().Name, clock.ElapsedMilliseconds); clock.Restart();
            }

            var known = new FactDossier.Validation.ClaimReferences(dossier);
            foreach (var rule in FactDossier.Validation.DossierValidator.ClaimRules)
            {
                foreach (var checkedClaim in dossier.Claims)
                {
                    _ = rule.Check(checkedClaim, known).Count();
                }

                Add(rule.GetType().Name, clock.ElapsedMilliseconds); clock.Restart();
            }

            var delta = Delta.Between(anchored.Dossier, plan.Context!.TagCounts, dossier);
            Add("delta", clock.ElapsedMilliseconds); clock.Restart();
            checks = FactDossier.Validation.DossierValidator.Validate(dossier, delta, checks).Checks;
            Add("validate", clock.ElapsedMilliseconds); clock.Restart();
            (anchored, _) = QuoteAnchorer.Anchor(dossier, delta, anchored);
            Add("anchor", clock.ElapsedMilliseconds); clock.Restart();
            var context = new PlanningContext(anchored, strings, urls, new MarkdownRenderer("/"), delta, plan);
            Add("context", clock.ElapsedMilliseconds); clock.Restart();
            foreach (var planner in SitePlanner.Planners)
            {
                _ = planner.Plan(context).Count();
                Add(planner.GetType().Name, clock.ElapsedMilliseconds); clock.Restart();
            }

            DataFilePlanner.FromClaims(context);
            Add("claims.json+feed+search", clock.ElapsedMilliseconds); clock.Restart();
            FactDossier.Planning.Search.SearchIndex.Files(context);
            Add("search", clock.ElapsedMilliseconds); clock.Restart();
            DataFilePlanner.FromPages(context, plan.Pages);
            Add("sitemap", clock.ElapsedMilliseconds); clock.Restart();
            plan = SitePlanner.Plan(anchored, strings, urls, delta, plan);
            Add("whole plan", clock.ElapsedMilliseconds);
        }

        Console.WriteLine("one at a time (ms, MB allocated): " + string.Join(", ", times.Select(t => $"{t.Key} {Median(t.Value)} {Median(allocated[t.Key]) / 1e6:0.0}")));
    }

    private static void Edit(string claim, string original, int i)
    {
        var lines = original.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("headline: ", StringComparison.Ordinal));
        lines[at] = $"headline: Edit {i} of the benchmark";
        File.WriteAllText(claim, string.Join('\n', lines));
        File.SetLastWriteTimeUtc(claim, DateTime.UtcNow.AddSeconds(i)); // a new stamp even within the clock's resolution
    }

    private static BuildResult Require(BuildResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException("the build failed: " + string.Join("\n", result.Diagnostics));

    private static T Median<T>(List<T> values) => values.Order().ElementAt(values.Count / 2);

    private static T Quartile<T>(List<T> values) => values.Order().ElementAt(values.Count / 4);
}
