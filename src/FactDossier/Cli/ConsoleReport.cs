using System.Globalization;
using FactDossier.Building;
using FactDossier.Coverage;
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
        return ExitCode(result);
    }

    /// <summary>0 built, 3 another build of the output folder did not finish in time (FD0406), 1 any other error.</summary>
    public static int ExitCode(BuildResult result) =>
        result.Succeeded ? 0 : result.Diagnostics.Any(d => d.Code == DiagnosticCode.OutputBusy) ? OutputBusy : 1;

    public const int OutputBusy = 3;

    public static void Diagnostics(IReadOnlyList<Diagnostic> diagnostics, string format, TextWriter error)
    {
        foreach (var d in diagnostics)
        {
            error.WriteLine(format == "github" ? GitHubFormatter.Format(d) : MsBuildFormatter.Format(d));
        }
    }

    /// <summary>Past this many articles, the summary gives one line for all of them rather than one each.</summary>
    private const int ArticlesListed = 5;

    /// <summary>How much of what the articles quote or report the claims cover: one line per article, or one for all.</summary>
    private static void CoverageSummary(IReadOnlyList<ArticleCoverage> coverage, TextWriter writer)
    {
        static string Line(string what, int covered, int passages, int notChecked, int uncovered) =>
            string.Create(CultureInfo.InvariantCulture, $"{what}: {covered} of {passages} quotations covered")
            + (notChecked > 0 ? string.Create(CultureInfo.InvariantCulture, $", {notChecked} not checked") : "")
            + (uncovered > 0 ? string.Create(CultureInfo.InvariantCulture, $", {uncovered} uncovered (check --coverage lists them)") : "");

        if (coverage.Count <= ArticlesListed)
        {
            foreach (var c in coverage)
            {
                writer.WriteLine("  " + Line($"article {c.ArticleId}", c.Covered, c.Passages, c.NotChecked, c.Uncovered));
            }

            return;
        }

        writer.WriteLine("  " + Line($"{coverage.Count} articles", coverage.Sum(c => c.Covered), coverage.Sum(c => c.Passages),
            coverage.Sum(c => c.NotChecked), coverage.Sum(c => c.Uncovered)));
    }

    /// <summary>
    /// <c>check --coverage</c>: each passage no claim covers, at its place in the seed file, with the <c>new claim</c>
    /// command that starts a claim on it.
    /// </summary>
    /// <param name="command">How the tool is run, with the options that find this project: <c>dotnet run --project src/FactDossier -- --root …</c>.</param>
    public static void Coverage(IReadOnlyList<ArticleCoverage> coverage, string command, string format, TextWriter writer)
    {
        foreach (var passage in coverage.SelectMany(c => c.Left))
        {
            var what = passage.Kind == PassageKind.Quotation ? "not covered" : "reported speech not covered";
            var newClaim = $"{command} new claim --article {ShellWord.Quote(passage.ArticleId)} --quote {ShellWord.Quote(passage.Words)}"
                + (passage.Occurrence is { } n ? string.Create(CultureInfo.InvariantCulture, $" --occurrence {n}") : "");
            var info = new Diagnostic(DiagnosticCode.NotCovered, passage.Span, $"{what}: « {passage.Words} » — new claim: {newClaim}",
                $"or, to leave it out, add it to 'not_checked' in {passage.ArticleFile} with the reason");
            writer.WriteLine(format == "github" ? GitHubFormatter.Format(info) : MsBuildFormatter.Format(info));
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
        CoverageSummary(s.Coverage, writer);
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
