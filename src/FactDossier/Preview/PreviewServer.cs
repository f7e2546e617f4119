using System.Net;
using System.Text;
using FactDossier.Building;
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
        var output = options.Layout.Output;

        app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            if (path == urls.BasePath + ReloadScript.Path + "events")
            {
                await hub.ServeAsync(http, app.Lifetime.ApplicationStopping);
            }
            else if (path == urls.BasePath + ReloadScript.Path + "reload.js")
            {
                http.Response.ContentType = "text/javascript; charset=utf-8";
                await http.Response.WriteAsync(ReloadScript.Source);
            }
            else if (path == urls.BasePath + ReloadScript.Path + "status")
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(hub.Current?.ToJson() ?? "{}");
            }
            else if (!path.StartsWith(urls.BasePath, StringComparison.Ordinal))
            {
                http.Response.Redirect(urls.BasePath);
            }
            else
            {
                await ServeFileAsync(http, output, urls, contentTypes, path);
            }
        });

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, app.Lifetime.ApplicationStopping);
        await app.StartAsync(cancellation);
        var address = app.Urls.First();
        console.WriteLine($"Serving {output} at {address.TrimEnd('/')}{urls.BasePath}");
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

        var html = await File.ReadAllTextAsync(full, Encoding.UTF8);
        var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var tag = ReloadScript.Tag(urls.BasePath);
        html = at < 0 ? html + tag : html.Insert(at, tag + "\n");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html);
    }
}
