using System.Diagnostics;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests.Support;

/// <summary>
/// The W3C Nu HTML Checker: <c>VNU_JAR</c>, else the pinned <c>vnu-jar</c> from npm in <c>.cache/vnu/&lt;version&gt;/</c>
/// at the repository root, installed there the first time it is needed. It runs on Java, found on PATH or in
/// <c>JAVA_HOME</c>.
/// </summary>
public sealed record NuChecker(string Java, string Jar)
{
    public const string Version = "26.9.27";

    private static readonly SemaphoreSlim Provisioning = new(1, 1);

    /// <summary>The checker, or null with the reason and what to install.</summary>
    public static async Task<(NuChecker? Checker, string? Missing)> FindAsync()
    {
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        var java = SearchPath.Find(["java"], javaHome is { Length: > 0 } ? Path.Combine(javaHome, "bin") : null);
        if (java is null)
        {
            return (null, "Java not found, so the Nu HTML Checker cannot run: apt-get install default-jre-headless");
        }

        if (Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? (new NuChecker(java, configured), null)
                : (null, $"Nu HTML Checker not found: VNU_JAR names {configured}, which does not exist");
        }

        var folder = Path.Combine(RepositoryPaths.Root, ".cache", "vnu", Version);
        var jar = JarIn(folder);
        if (File.Exists(jar))
        {
            return (new NuChecker(java, jar), null);
        }

        await Provisioning.WaitAsync();
        try
        {
            return File.Exists(jar) || await InstallAsync(folder) is not { } failure
                ? (new NuChecker(java, jar), null)
                : (null, failure);
        }
        finally
        {
            Provisioning.Release();
        }
    }

    private static string JarIn(string folder) => Path.Combine(folder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>npm installs into a folder of its own, moved into place whole, so a half-done install is never taken.</summary>
    private static async Task<string?> InstallAsync(string folder)
    {
        var npm = SearchPath.Find(["npm"]);
        if (npm is null)
        {
            return "npm not found, so the Nu HTML Checker cannot be installed: apt-get install npm, or set VNU_JAR to a vnu.jar";
        }

        var partial = $"{folder}.partial-{Environment.ProcessId}";
        Directory.CreateDirectory(partial);
        var start = new ProcessStartInfo(npm) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "install", "--prefix", partial, "--no-audit", "--no-fund", "--no-save", $"vnu-jar@{Version}" })
        {
            start.ArgumentList.Add(arg);
        }

        Console.Error.WriteLine($"Installing the Nu HTML Checker (npm vnu-jar@{Version}) into {Path.GetRelativePath(RepositoryPaths.Root, folder)}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0 || !File.Exists(JarIn(partial)))
        {
            Directory.Delete(partial, recursive: true);
            var lastLine = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            return $"Nu HTML Checker not installed: `npm install vnu-jar@{Version}` failed ({lastLine}); set VNU_JAR to a vnu.jar";
        }

        try
        {
            Directory.Move(partial, folder);
        }
        catch (IOException) when (File.Exists(JarIn(folder)))
        {
            Directory.Delete(partial, recursive: true); // another test run installed it meanwhile
        }

        return null;
    }
}
