using System.Diagnostics;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Planning;
using FactDossier.Rendering;

namespace FactDossier.Bench;

/// <summary>In-process timing of each stage and of each page template, cold then warm: where a build spends its time.</summary>
public static class Profile
{
    public static void Run(string root, string theme)
    {
        for (var round = 1; round <= int.Parse(Environment.GetEnvironmentVariable("ROUNDS") ?? "2", System.Globalization.CultureInfo.InvariantCulture); round++)
        {
            var layout = InputLayout.Under(root, theme: theme);
            var clock = Stopwatch.StartNew();
            var loaded = DossierLoader.Load(layout);
            Console.WriteLine($"round {round}: load {clock.ElapsedMilliseconds} ms"); clock.Restart();
            var (anchored, _) = QuoteAnchorer.Anchor(loaded.Dossier!);
            Console.WriteLine($"  anchor {clock.ElapsedMilliseconds} ms"); clock.Restart();
            var validation = FactDossier.Validation.DossierValidator.Validate(loaded.Dossier!);
            Console.WriteLine($"  validate {clock.ElapsedMilliseconds} ms"); clock.Restart();
            var bag = new DiagnosticBag();
            var strings = UiStrings.Load(theme, "en", layout, bag)!;
            var templates = TemplateSet.Load(theme, layout, bag)!;
            var urls = new SiteUrls("/");
            var allocatedSoFar = GC.GetTotalAllocatedBytes(precise: true);
            long Allocated() => -allocatedSoFar + (allocatedSoFar = GC.GetTotalAllocatedBytes(precise: true));
            var context = new PlanningContext(anchored, strings, urls, new MarkdownRenderer("/"));
            Console.WriteLine($"  plan: context (claim views) {clock.ElapsedMilliseconds} ms, allocated {Allocated() >> 20} MiB"); clock.Restart();
            foreach (var planner in SitePlanner.Planners)
            {
                var count = planner.Plan(context).Count();
                Console.WriteLine($"  plan: {planner.GetType().Name,-22} {count,6} pages {clock.ElapsedMilliseconds,6} ms, allocated {Allocated() >> 20,5} MiB"); clock.Restart();
            }

            DataFilePlanner.FromClaims(context);
            Console.WriteLine($"  plan: claims.json and feed {clock.ElapsedMilliseconds,6} ms, allocated {Allocated() >> 20,5} MiB"); clock.Restart();

            var plan = SitePlanner.Plan(anchored, strings, urls);
            Console.WriteLine($"  plan {clock.ElapsedMilliseconds} ms ({plan.Pages.Count} pages)"); clock.Restart();
            IReadOnlyList<DataFile> files = [.. DataFilePlanner.FromClaims(plan.Context!), .. DataFilePlanner.FromPages(plan.Context!, plan.Pages)];
            Console.WriteLine($"  plan: data files {clock.ElapsedMilliseconds} ms ({files.Sum(f => f.Length) / 1024} KiB)"); clock.Restart();
            var renderer = new SiteRenderer(plan, templates);
            Console.WriteLine($"  cards {clock.ElapsedMilliseconds} ms"); clock.Restart();
            var buffer = new byte[256 * 1024];
            foreach (var group in plan.Pages.GroupBy(p => p.Template))
            {
                long render = 0, scan = 0, encode = 0, bytes = 0, allocated = 0;
                foreach (var page in group)
                {
                    var a0 = GC.GetAllocatedBytesForCurrentThread();
                    var t0 = Stopwatch.GetTimestamp();
                    using var html = renderer.Render(page, out _)!;
                    var t1 = Stopwatch.GetTimestamp();
                    allocated += GC.GetAllocatedBytesForCurrentThread() - a0;
                    FactDossier.Publishing.LinkChecker.Scan("x.html", html);
                    var t2 = Stopwatch.GetTimestamp();
                    foreach (var chunk in html.Utf8Chunks(buffer))
                    {
                        bytes += chunk.Length;
                    }
                    var t3 = Stopwatch.GetTimestamp();
                    (render, scan, encode) = (render + t1 - t0, scan + t2 - t1, encode + t3 - t2);
                }

                static long Ms(long ticks) => ticks * 1000 / Stopwatch.Frequency;
                Console.WriteLine($"  {group.Key,-10} {group.Count(),6} pages: render {Ms(render),6} ms, scan {Ms(scan),6} ms, encode {Ms(encode),5} ms, {bytes / 1024,8} KiB, rendering allocated {allocated >> 20,5} MiB");
            }
        }
    }
}
