using System.Collections.Concurrent;
using FactDossier.Tests.Support;
using Microsoft.Playwright;

namespace FactDossier.BrowserTests.Support;

/// <summary>
/// The real dossier, built at the root and under /sub/, each served on 127.0.0.1, and one Chromium for the tests of
/// the collection. Every page the tests open records its console errors and every request it makes.
/// The sites are built even without a browser, for the tests that need none (the Nu HTML Checker).
/// </summary>
public sealed class ServedSite : IAsyncLifetime
{
    private readonly List<TestProject> _projects = [];
    private readonly List<StaticSiteServer> _servers = [];
    private readonly Dictionary<StaticSiteServer, string> _outputs = [];

    public IPlaywright Playwright { get; private set; } = null!;

    private IBrowser? _browser;
    private string? _browserMissing;

    /// <summary>The collection's Chromium; a test that asks for it is skipped (failed under CI) on a machine without one.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is null)
            {
                MissingTool.Stop(_browserMissing ?? "the browser is not started");
            }

            return _browser;
        }
    }

    public StaticSiteServer Root { get; private set; } = null!;

    public StaticSiteServer SubFolder { get; private set; } = null!;

    /// <summary>The real dossier with lists of a few items a page, so that every list has several pages.</summary>
    public StaticSiteServer Paginated { get; private set; } = null!;

    public string RootOutput => _projects[0].Output;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Root = await ServeAsync(TestProject.RealDossier(), "/");
        SubFolder = await ServeAsync(TestProject.RealDossier(), "/sub/");
        Paginated = await ServeAsync(TestProject.PaginatedDossier(), "/");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var chromium = Chromium.Find(Playwright);
        _browserMissing = chromium.Missing;
        if (_browserMissing is null)
        {
            _browser = await chromium.LaunchAsync(Playwright);
        }
        else
        {
            MissingTool.Announce(_browserMissing);
        }
    }

    public async Task<StaticSiteServer> ServeAsync(TestProject project, string basePath)
    {
        _projects.Add(project);
        var result = project.Build(basePath);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("build failed:\n" + string.Join("\n", result.Diagnostics));
        }

        var server = await StaticSiteServer.StartAsync(project.Output, basePath);
        _servers.Add(server);
        _outputs[server] = project.Output;
        return server;
    }

    public string OutputOf(StaticSiteServer server) => _outputs[server];

    /// <summary>
    /// Every page of a built site, as paths under its base path (404.html left out, and the pages of a list's page/
    /// folder that only send the reader to its first page).
    /// </summary>
    public static IReadOnlyList<string> Pages(string output) =>
        [.. Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => f != "404.html" && !IsRedirect(f) && !f.StartsWith("admin/", StringComparison.Ordinal)) // the editor: EditorBrowserTests
            .Select(f => f == "index.html" ? "" : f.EndsWith("/index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f)
            .Order(StringComparer.Ordinal)];

    private static bool IsRedirect(string file) =>
        file == "page/index.html" || file == "page/1/index.html" || file.EndsWith("/page/index.html", StringComparison.Ordinal) || file.EndsWith("/page/1/index.html", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        Playwright?.Dispose();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        foreach (var project in _projects)
        {
            project.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServedSiteGroup : ICollectionFixture<ServedSite>
{
    public const string Name = "served site";
}

/// <summary>A page that remembers what went wrong in it and where it went.</summary>
public sealed class RecordedPage : IAsyncDisposable
{
    private RecordedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Enqueue($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Enqueue($"{page.Url}: {error}");
        page.Request += (_, request) => Requests.Enqueue(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Url != page.Url)
            {
                ConsoleErrors.Enqueue($"{page.Url}: {response.Status} for {response.Url}");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Enqueue($"{page.Url}: {dialog.Type} {dialog.Message}");
            try
            {
                await dialog.DismissAsync();
            }
            catch (PlaywrightException)
            {
                // The page closed while its dialog was dismissed (a test's end): the dialog is recorded, and an exception
                // thrown from this handler, which nothing awaits, would stop the whole test run.
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    // Playwright raises its events on its own thread, even after a page has loaded: queues a test can read meanwhile.
    public ConcurrentQueue<string> ConsoleErrors { get; } = [];

    public ConcurrentQueue<string> Requests { get; } = [];

    public ConcurrentQueue<string> Dialogs { get; } = [];

    public static async Task<RecordedPage> OpenAsync(IBrowser browser, int width = 1280, bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        return new RecordedPage(context, await context.NewPageAsync());
    }

    public async Task<IResponse> GoAsync(string url)
    {
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return response ?? throw new InvalidOperationException("no response for " + url);
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
