using System.Diagnostics;
using Microsoft.Playwright;

namespace FactDossier.BrowserTests.Support;

/// <summary>
/// The Chromium the browser tests drive: <c>CHROMIUM_PATH</c>, else a Chromium or Chrome on PATH (Debian's
/// <c>chromium</c>), else Playwright's own browser, downloaded once by <c>playwright install chromium</c> where the
/// network allows it. None of them: the tests that need a browser are skipped (failed under CI).
/// </summary>
public sealed class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    private const string HowToInstall = "apt-get install chromium, or set CHROMIUM_PATH to a Chromium or Chrome executable";

    private Chromium(string? executable, string? missing)
    {
        Executable = executable;
        Missing = missing;
    }

    /// <summary>The browser's path; null for Playwright's own browser, which Playwright finds by itself.</summary>
    public string? Executable { get; }

    /// <summary>Why no browser can be had, with what to install; null when there is one.</summary>
    public string? Missing { get; }

    public static Chromium Find(IPlaywright playwright)
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (configured is { Length: > 0 })
        {
            return File.Exists(configured)
                ? new Chromium(configured, null)
                : new Chromium(null, $"Chromium not found: CHROMIUM_PATH names {configured}, which does not exist");
        }

        if (SearchPath.Find(Names) is { } onPath)
        {
            return new Chromium(onPath, null);
        }

        if (File.Exists(playwright.Chromium.ExecutablePath))
        {
            return new Chromium(null, null);
        }

        MissingTool.Announce("No Chromium on this machine: trying `playwright install chromium` (once; Playwright keeps it)");
        return PlaywrightInstall() && File.Exists(playwright.Chromium.ExecutablePath)
            ? new Chromium(null, null)
            : new Chromium(null, $"Chromium not found: {HowToInstall} (`playwright install chromium` failed too)");
    }

    /// <summary>
    /// Playwright's download of its own browser, run with the driver that the Playwright package copies next to the
    /// tests, its output kept out of the test log; a closed network refuses it within seconds.
    /// </summary>
    private static bool PlaywrightInstall()
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var node = Directory.Exists(driver)
            ? Directory.EnumerateFiles(Path.Combine(driver, "node"), OperatingSystem.IsWindows() ? "node.exe" : "node", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        if (node is null)
        {
            return false;
        }

        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(driver, "package", "cli.js"), "install", "chromium" })
        {
            start.ArgumentList.Add(arg);
        }

        using var install = Process.Start(start)!;
        install.OutputDataReceived += (_, _) => { };
        install.ErrorDataReceived += (_, _) => { };
        install.BeginOutputReadLine();
        install.BeginErrorReadLine();
        if (!install.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            install.Kill(entireProcessTree: true);
            return false;
        }

        return install.ExitCode == 0;
    }

    public Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
}
