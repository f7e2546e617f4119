using System.Diagnostics;

namespace FactDossier.Tests.Support;

/// <summary>Runs the real FactDossier program, as a maintainer or CI would.</summary>
public static class FactDossierProcess
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Execute(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FactDossier.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("factdossier did not finish: " + string.Join(' ', args));
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
