using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace FactDossier.BrowserTests.Support;

/// <summary>A plain static host on 127.0.0.1, like GitHub Pages: folders serve index.html, misses serve 404.html with status 404.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The site's address, ending with its base path: http://127.0.0.1:port/sub/.</summary>
    public string BaseUrl { get; }

    public static async Task<StaticSiteServer> StartAsync(string folder, string basePath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        app.Run(async http =>
        {
            var path = Uri.UnescapeDataString(http.Request.Path.Value ?? "/");
            var relative = path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : null;
            var file = relative is null ? null : Path.GetFullPath(Path.Combine(folder, relative.EndsWith('/') || relative.Length == 0 ? relative + "index.html" : relative));
            if (file is not null && Directory.Exists(file))
            {
                http.Response.Redirect(path + "/");
                return;
            }

            if (file is null || !file.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(file))
            {
                http.Response.StatusCode = 404;
                file = Path.Combine(folder, "404.html");
            }

            http.Response.ContentType = types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
            await http.Response.SendFileAsync(file);
        });
        await app.StartAsync();
        return new StaticSiteServer(app, app.Urls.First().TrimEnd('/') + basePath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
