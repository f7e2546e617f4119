using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Publishing;

/// <summary>
/// What stopped a build from writing its output folder, told as a diagnostic on that folder: the disk (FD0403: full,
/// read-only, not a folder), or another writer of the folder that did not finish in time (FD0406). Not the editor's
/// input, and never a stack trace.
/// </summary>
internal static class OutputProblem
{
    private const int NoSpace = 28; // ENOSPC: the runtime gives a system error's number as the exception's HResult

    /// <summary>The diagnostic for <paramref name="e"/>, or null when it is not a problem of the disk or the lock (a fault of the tool's).</summary>
    public static Diagnostic? Of(Exception e, InputLayout layout)
    {
        var folder = SourceSpan.StartOf(layout.Display(layout.Output));
        if (e is OutputBusyException)
        {
            return new Diagnostic(DiagnosticCode.OutputBusy, folder, e.Message,
                "let that build finish, or stop it, and build again; FACTDOSSIER_LOCK_TIMEOUT sets how many seconds a build waits");
        }

        if (!IsDiskProblem(e))
        {
            return null;
        }

        var cause = e is AggregateException a ? a.InnerExceptions[0] : e;
        var full = cause.HResult == NoSpace;
        return new Diagnostic(DiagnosticCode.OutputNotWritable, folder, $"cannot write the site{(full ? ": the disk is full" : "")}: {cause.Message}",
            full ? $"free some space and build again: {layout.Display(layout.Output)}/ and .cache/ are as the last build left them"
                : "check that the output path is a folder (or does not exist yet) in a writable place, that .cache/ can be written and that input/ can be read");
    }

    private static bool IsDiskProblem(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is AggregateException a && a.InnerExceptions.All(IsDiskProblem));
}
