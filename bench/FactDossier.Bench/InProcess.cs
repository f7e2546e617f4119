using System.Diagnostics;
using FactDossier.Building;
using FactDossier.Loading;

namespace FactDossier.Bench;

/// <summary>
/// The build as a host that keeps the process would see it (a test run, a watch loop): the same project built
/// several times in one process, each into a fresh output folder. The first build pays for start-up and JIT.
/// </summary>
internal static class InProcess
{
    public static void Run(string root, int builds)
    {
        var output = Path.Combine(Path.GetTempPath(), "factdossier-inprocess-" + Environment.ProcessId);
        var times = new List<double>();
        for (var i = 0; i < builds; i++)
        {
            var options = new BuildOptions(InputLayout.Under(root, output: Path.Combine(output, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var clock = Stopwatch.StartNew();
            var result = SiteBuilder.Build(options);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("the build failed: " + string.Join("\n", result.Diagnostics));
            }
        }

        Directory.Delete(output, recursive: true);
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine($"first build {times[0]:0} ms; then median {warm[warm.Count / 2]:0} ms, fastest {warm[0]:0} ms ({warm.Count} builds)");
    }
}
