using System.Diagnostics;
using FactDossier.Anchoring;
using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Loading;
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
            var stages = new Dictionary<string, List<long>>(StringComparer.Ordinal);
            var totals = new List<long>();
            var (gen2, gen0) = (GC.CollectionCount(2), GC.CollectionCount(0));
            for (var i = 1; i <= edits; i++)
            {
                Edit(claim, original, i);
                memory.Files.Expect(new FileChanges(new HashSet<string> { claim }, new HashSet<string>(), [root])); // what the preview's watcher tells it
                var clock = Stopwatch.StartNew(); // the wall time, waits included, not the sum of the stages
                var result = Require(SiteBuilder.Build(options, memory));
                totals.Add(clock.ElapsedMilliseconds);
                foreach (var stage in result.Stats.Stages)
                {
                    (stages.TryGetValue(stage.Stage, out var list) ? list : stages[stage.Stage] = []).Add(stage.Milliseconds);
                }
            }

            Console.WriteLine($"{edits} edits, {memory.LastKind} builds: median {Median(totals)} ms ({string.Join(", ", stages.Select(s => $"{s.Key} {Median(s.Value)}"))})");
            Console.WriteLine($"  {GC.CollectionCount(0) - gen0} gen-0 and {GC.CollectionCount(2) - gen2} gen-2 collections; heap after a full collection {GC.GetTotalMemory(forceFullCollection: true) >> 20} MiB");
            Planners(root, theme, claim, original, edits);
        }
        finally
        {
            memory.FinishRetiring();
            File.WriteAllText(claim, original);
            Directory.Delete(output, recursive: true);
        }
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
        var times = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        void Add(string what, long ms) => (times.TryGetValue(what, out var list) ? list : times[what] = []).Add(ms);
        for (var i = 1; i <= edits; i++)
        {
            Edit(claim, original, 100 + i);
            var clock = Stopwatch.StartNew();
            var dossier = DossierLoader.Load(layout, cache: cache).Dossier!;
            Add("load", clock.ElapsedMilliseconds); clock.Restart();
            foreach (var rule in FactDossier.Validation.DossierValidator.Rules)
            {
                _ = rule.Check(dossier).Count();
                Add(rule.GetType().Name, clock.ElapsedMilliseconds); clock.Restart();
            }

            FactDossier.Validation.DossierValidator.Validate(dossier);
            Add("validate", clock.ElapsedMilliseconds); clock.Restart();
            (anchored, _) = QuoteAnchorer.Anchor(dossier, anchored);
            Add("anchor", clock.ElapsedMilliseconds); clock.Restart();
            var context = new PlanningContext(anchored, strings, urls, new MarkdownRenderer("/"), plan);
            Add("context", clock.ElapsedMilliseconds); clock.Restart();
            foreach (var planner in SitePlanner.Planners)
            {
                _ = planner.Plan(context).Count();
                Add(planner.GetType().Name, clock.ElapsedMilliseconds); clock.Restart();
            }

            DataFilePlanner.FromClaims(context);
            Add("claims.json+feed", clock.ElapsedMilliseconds); clock.Restart();
            plan = SitePlanner.Plan(anchored, strings, urls, plan);
            Add("whole plan", clock.ElapsedMilliseconds);
        }

        Console.WriteLine("one at a time: " + string.Join(", ", times.Select(t => $"{t.Key} {Median(t.Value)}")));
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

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);
}
