using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Cli;

/// <summary>Diagnostics to stderr in the chosen format; a one-screen summary to stdout.</summary>
public static class ConsoleReport
{
    /// <summary>What <c>build</c> prints (diagnostics to <paramref name="error"/>, the summary to <paramref name="writer"/>); returns its exit code.</summary>
    public static int Build(BuildResult result, InputLayout layout, string format, bool verbose, TextWriter writer, TextWriter error)
    {
        Diagnostics(result.Diagnostics, format, error);
        Summary(result, "build", result.Succeeded ? layout.Display(layout.Output) : null, verbose, writer);
        return result.Succeeded ? 0 : 1;
    }

    public static void Diagnostics(IReadOnlyList<Diagnostic> diagnostics, string format, TextWriter error)
    {
        foreach (var d in diagnostics)
        {
            error.WriteLine(format == "github" ? GitHubFormatter.Format(d) : MsBuildFormatter.Format(d));
        }
    }

    public static void Summary(BuildResult result, string verb, string? output, bool verbose, TextWriter writer)
    {
        var s = result.Stats;
        var outcome = result.Succeeded ? (output is null ? "checked" : $"written to {output}") : "FAILED";
        writer.WriteLine($"FactDossier {verb}: {outcome}");
        writer.WriteLine($"  articles        {s.Articles}");
        writer.WriteLine($"  claims          {s.Claims}");
        writer.WriteLine($"  quotes anchored {s.QuotesAnchored} of {s.Quotes}");
        writer.WriteLine($"  pages           {s.Pages} (+{s.Files} other files)");
        if (output is not null && result.Succeeded)
        {
            // What this run did about it: a rebuild renders the pages an edit shows and writes the files whose bytes changed.
            writer.WriteLine(s.Rendered == 0 && s.Written == 0
                ? "  unchanged       nothing rendered, no file written"
                : $"  rendered        {s.Rendered} pages, {s.Written} files written");
        }

        writer.WriteLine($"  errors          {result.Errors}");
        writer.WriteLine($"  warnings        {result.Warnings}");
        writer.WriteLine($"  elapsed         {s.ElapsedMs} ms");
        if (verbose)
        {
            if (s.Cache is { } c)
            {
                // The rest came from .cache/factdossier/.
                writer.WriteLine($"  made anew       {c.FilesRead}/{c.Files} input files read, {c.MarkdownRendered}/{c.Markdown} Markdown texts rendered, {c.ArticlesSearched}/{c.Articles} articles searched for quotes");
            }

            foreach (var stage in s.Stages)
            {
                writer.WriteLine($"    {stage.Stage,-16}{stage.Milliseconds,6} ms  ({stage.CpuMilliseconds} ms CPU, of which {stage.JitMilliseconds} ms compiling code)");
            }

            // Where a slow build's time goes beyond the stages: collections, pauses, and the largest the heap got.
            writer.WriteLine(FormattableString.Invariant(
                $"  memory          {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused, {Environment.WorkingSet / (1024 * 1024)} MiB working set"));
            writer.WriteLine(FormattableString.Invariant(
                $"  jit             {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms"));
        }
    }
}
