using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactDossier.Building;
using FactDossier.Editing;
using FactDossier.Planning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactDossier.Preview;

/// <summary>
/// <c>preview</c>: builds, serves the output folder on 127.0.0.1 under the base path, rebuilds on every change and
/// live-reloads open tabs. Only what is served carries the reload script; the files on disk are the real build.
/// </summary>
public static class PreviewServer
{
    public static async Task<int> RunAsync(BuildOptions options, string? basePath, int port, Action<BuildStatus> report, TextWriter console,
        CancellationToken cancellation)
    {
        var urls = new SiteUrls(basePath);
        var hub = new LiveReloadHub();
        using var loop = new RebuildLoop(options, status =>
        {
            report(status);
            hub.Publish(status);
        });
        loop.BuildNow();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.Layout.Root, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".yml"] = "text/yaml; charset=utf-8";
        var served = port; // the port asked for, or the one Kestrel picked for 0
        var site = new Served(options, urls, hub, contentTypes, new EditorBackend(new EditorPaths(options.Layout), Path.GetFileName(options.Layout.Root)), () => served);
        app.Run(http => ServeAsync(http, site, app.Lifetime.ApplicationStopping));

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, app.Lifetime.ApplicationStopping);
        await app.StartAsync(cancellation);
        var address = app.Urls.First();
        served = new Uri(address).Port;
        console.WriteLine($"Serving {options.Layout.Output} at {address.TrimEnd('/')}{urls.BasePath}");
        console.WriteLine("Watching input/, seeds/ and theme/. Press Ctrl+C to stop.");
        console.Flush();

        var rebuilding = loop.RunAsync(stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM.
        }

        await app.StopAsync(CancellationToken.None);
        await rebuilding;
        return 0;
    }

    /// <summary>What the preview's requests are answered from; the port is known once Kestrel has started.</summary>
    private sealed record Served(BuildOptions Options, SiteUrls Urls, LiveReloadHub Hub, FileExtensionContentTypeProvider ContentTypes, EditorBackend Editor,
        Func<int> Port);

    /// <summary>The live-reload events, script and status, the editor's back end and configuration, else the output's files.</summary>
    private static async Task ServeAsync(HttpContext http, Served site, CancellationToken stopping)
    {
        var (path, urls, output) = (http.Request.Path.Value ?? "/", site.Urls, site.Options.Layout.Output);
        if (path == urls.BasePath + ReloadScript.Path + "events")
        {
            await site.Hub.ServeAsync(http, stopping);
        }
        else if (path == urls.BasePath + ReloadScript.Path + "reload.js")
        {
            http.Response.ContentType = "text/javascript; charset=utf-8";
            await http.Response.WriteAsync(ReloadScript.Source, stopping);
        }
        else if (path == urls.BasePath + ReloadScript.Path + "status")
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(site.Hub.Current?.ToJson() ?? "{}", stopping);
        }
        else if (path == urls.BasePath + EditorRequests.Path)
        {
            await ServeEditorAsync(http, site.Editor, site.Port());
        }
        else if (path == urls.BasePath + EditorFiles.ConfigPath && File.Exists(Path.Combine(output, EditorFiles.ConfigPath)))
        {
            await ServeEditorConfigAsync(http, site);
        }
        else if (!path.StartsWith(urls.BasePath, StringComparison.Ordinal))
        {
            http.Response.Redirect(urls.BasePath);
        }
        else
        {
            await ServeFileAsync(http, output, urls, site.ContentTypes, path);
        }
    }

    /// <summary>The editor's configuration with the local back end: the preview's own forms (an article's text written to seeds/), else the published ones.</summary>
    private static async Task ServeEditorConfigAsync(HttpContext http, Served site)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/yaml; charset=utf-8";
        var origin = $"http://{(http.Request.Host.Host == "localhost" ? "localhost" : "127.0.0.1")}:{site.Port()}";
        var config = Loading.DossierLoader.LoadSite(site.Options.Layout) is { } settings && EditorFiles.Publishes(settings)
            ? DecapConfig.Yaml(settings, preview: true)
            : await File.ReadAllTextAsync(Path.Combine(site.Options.Layout.Output, EditorFiles.ConfigPath));
        await http.Response.WriteAsync(EditorRequests.WithLocalBackend(config, origin, site.Urls.BasePath));
    }

    private static async Task ServeEditorAsync(HttpContext http, EditorBackend editor, int port)
    {
        var request = http.Request;
        var answer = EditorRequests.Refusal(request.Method, request.Headers.Origin, request.Host.Value, request.ContentType, port) is { } refusal
            ? new EditorBackend.Answer(StatusCodes.Status403Forbidden, new JsonObject { ["error"] = refusal })
            : await ParseAsync(request) is { } body ? editor.Handle(body) : EditorBackend.Answer.Refused("the body is not JSON");
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.Body?.ToJsonString() ?? "null");
    }

    private static async Task<JsonNode?> ParseAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task ServeFileAsync(HttpContext http, string output, SiteUrls urls, FileExtensionContentTypeProvider contentTypes, string path)
    {
        var relative = urls.OutputPathOf(Uri.UnescapeDataString(path));
        var full = Path.GetFullPath(Path.Combine(output, relative));
        var inside = full.StartsWith(Path.GetFullPath(output) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (inside && !File.Exists(full) && Directory.Exists(full))
        {
            http.Response.Redirect(path + "/");
            return;
        }

        if (!inside || !File.Exists(full))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            full = Path.Combine(output, "404.html");
            if (!File.Exists(full))
            {
                return;
            }
        }

        http.Response.Headers.CacheControl = "no-store";
        if (!full.EndsWith(".html", StringComparison.Ordinal))
        {
            http.Response.ContentType = contentTypes.TryGetContentType(full, out var type) ? type : "application/octet-stream";
            await http.Response.SendFileAsync(full);
            return;
        }

        if (relative.StartsWith(EditorFiles.Folder, StringComparison.Ordinal))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.SendFileAsync(full); // the editor keeps its page: saving a claim must not reload it
            return;
        }

        var html = await File.ReadAllTextAsync(full, Encoding.UTF8);
        var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var tag = ReloadScript.Tag(urls.BasePath);
        html = at < 0 ? html + tag : html.Insert(at, tag + "\n");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html);
    }
}
