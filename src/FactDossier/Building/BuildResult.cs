using FactDossier.Coverage;
using MemoryPack;
using FactDossier.Diagnostics;

namespace FactDossier.Building;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, BuildStats Stats)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => !d.IsError);
}

/// <summary>The numbers of the build summary, with the time each stage took.</summary>
[MemoryPackable]
public sealed partial record BuildStats(int Articles, int Claims, int Quotes, int QuotesAnchored, int Pages, int Files, IReadOnlyList<StageTime> Stages)
{
    public static BuildStats Empty { get; } = new(0, 0, 0, 0, 0, 0, []);

    public long ElapsedMs => Stages.Sum(s => s.Milliseconds);

    /// <summary>Pages rendered by this build: all of them, or after an edit to claims, those that show them.</summary>
    public int Rendered { get; init; }

    /// <summary>Files written: those whose bytes differ from what output/ held (a build that changed nothing writes none).</summary>
    public int Written { get; init; }

    /// <summary>What the command line's caches spared this build; null in the preview (its memory is its own) and in <c>check</c>.</summary>
    public CacheUse? Cache { get; init; }

    /// <summary>Each article's passages covered by claims, left out on purpose, and left (known once anchoring has run).</summary>
    public IReadOnlyList<ArticleCoverage> Coverage { get; init; } = [];
}

/// <summary>Each pair: how many were made anew by this build, of how many it needed (the rest came from <c>.cache/factdossier/</c>).</summary>
[MemoryPackable]
public sealed partial record CacheUse(int FilesRead, int Files, int MarkdownRendered, int Markdown, int ArticlesSearched, int Articles);

/// <param name="CpuMilliseconds">Processor time of the whole process during the stage: above the wall time when cores work in parallel.</param>
/// <param name="JitMilliseconds">Time the runtime spent compiling code during the stage (part of the processor time).</param>
/// <param name="Wall">The stage's wall time (the bench reads it to a tenth of a millisecond).</param>
[MemoryPackable]
public sealed partial record StageTime(string Stage, TimeSpan Wall, long CpuMilliseconds, long JitMilliseconds)
{
    public long Milliseconds => (long)Wall.TotalMilliseconds;
}
