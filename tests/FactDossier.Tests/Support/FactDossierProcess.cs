using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FactDossier.Tests.Support;

/// <summary>Runs the real FactDossier program, as a maintainer or CI would.</summary>
public static partial class FactDossierProcess
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    /// <summary>Starts the program with its output redirected; the caller reads it, waits or stops it.</summary>
    public static Process Start(params string[] args) => Start(buildServer: false, args);

    /// <param name="buildServer">Whether <c>build</c> may use or start a build server: not in the tests that are not about it,
    /// which would leave one per test project behind.</param>
    public static Process Start(bool buildServer, params string[] args) =>
        StartWith(new Dictionary<string, string> { ["FACTDOSSIER_BUILD_SERVER"] = buildServer ? "1" : "0" }, args);

    /// <summary>Starts the program with these environment variables set (FACTDOSSIER_BUILD_SERVER=0 unless given).</summary>
    public static Process StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FACTDOSSIER_BUILD_SERVER"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FactDossier.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static Run Execute(params string[] args) => Execute(buildServer: false, args);

    public static Run Execute(bool buildServer, params string[] args) =>
        ExecuteWith(new Dictionary<string, string> { ["FACTDOSSIER_BUILD_SERVER"] = buildServer ? "1" : "0" }, args);

    public static Run ExecuteWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = StartWith(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("factdossier did not finish: " + string.Join(' ', args));
        }

        // Its output ends with it: nothing it started may hold it open (a build server started in the background).
        if (!Task.WaitAll([stdout, stderr], TimeSpan.FromMinutes(1)))
        {
            throw new TimeoutException("factdossier exited, but its output stayed open: " + string.Join(' ', args));
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts <c>preview</c> and returns it with the address it serves at, once it says so.</summary>
    public static async Task<(Process Process, string Url)> StartPreviewAsync(TimeSpan patience, params string[] args)
    {
        var process = Start(["preview", .. args]);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(patience);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ServingLine().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining
                return (process, match.Groups[1].Value);
            }
        }

        Terminate(process);
        process.Dispose();
        throw new InvalidOperationException("preview printed no address");
    }

    [GeneratedRegex(@"^Serving .* at (http://127\.0\.0\.1:\d+/\S*)$")]
    private static partial Regex ServingLine();

    /// <summary>Ctrl+C in a terminal and a service manager's stop both end in a signal; SIGTERM is the one a test can send.</summary>
    public static void Terminate(Process process)
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }
}
