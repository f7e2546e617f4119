using Microsoft.Playwright;

namespace FactDossier.BrowserTests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download is not possible here). Missing Chromium
/// is a failure that says how to install it, never a silent skip.
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static string Executable { get; } = Find();

    private static string Find()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (path is { Length: > 0 } && File.Exists(path))
        {
            return path;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "Chromium is not installed, so the browser tests cannot run. Install it with `sudo apt-get install -y chromium` " +
            "(Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome executable.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
}
