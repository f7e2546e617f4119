using System.Diagnostics;
using FactDossier.Diagnostics;

namespace FactDossier.Building;

/// <summary>One build's bookkeeping: its diagnostics, whether it must stop, its numbers and the time of each stage.</summary>
internal sealed class BuildRun(bool strict)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<StageTime> _stages = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _cpu = Environment.CpuUsage.TotalTime;
    private TimeSpan _jit = System.Runtime.JitInfo.GetCompilationTime();

    public BuildStats Stats { get; set; } = BuildStats.Empty;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Adds a stage's diagnostics (warnings made errors under <c>--strict</c>) and says whether the build must stop there.</summary>
    public bool Failed(IEnumerable<Diagnostic> found)
    {
        _diagnostics.AddRange(strict ? found.Select(d => d with { Severity = Severity.Error }) : found);
        return _diagnostics.Any(d => d.IsError);
    }

    public void Lap(string stage)
    {
        var (cpu, jit) = (Environment.CpuUsage.TotalTime, System.Runtime.JitInfo.GetCompilationTime());
        _stages.Add(new StageTime(stage, _clock.Elapsed, (long)(cpu - _cpu).TotalMilliseconds, (long)(jit - _jit).TotalMilliseconds));
        _clock.Restart();
        (_cpu, _jit) = (cpu, jit);
    }

    public BuildResult Result() => new(DiagnosticOrder.Sort(_diagnostics), Stats with { Stages = _stages });

    /// <summary>Nothing changed since the recorded build: its warnings again, its numbers, no page rendered, no file written.</summary>
    public BuildResult Unchanged(SiteRecord record)
    {
        _diagnostics.AddRange(record.Warnings);
        Stats = record.Stats with { Rendered = 0, Written = 0 };
        return Result();
    }
}
