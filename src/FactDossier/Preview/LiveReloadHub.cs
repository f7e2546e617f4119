using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace FactDossier.Preview;

/// <summary>
/// Server-Sent Events to every open tab: each build's status is broadcast as a <c>build</c> event; a tab reloads when
/// the version changes and the build succeeded, and shows the problems over the page when it failed.
/// </summary>
public sealed class LiveReloadHub
{
    private readonly ConcurrentDictionary<Guid, Channel<BuildStatus>> _clients = new();
    private BuildStatus? _current;

    public BuildStatus? Current => Volatile.Read(ref _current);

    public void Publish(BuildStatus status)
    {
        Volatile.Write(ref _current, status);
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite(status);
        }
    }

    public async Task ServeAsync(HttpContext http, CancellationToken stopping)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var id = Guid.NewGuid();
        var channel = Channel.CreateUnbounded<BuildStatus>(new UnboundedChannelOptions { SingleReader = true });
        _clients[id] = channel;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            if (Current is { } current)
            {
                await WriteAsync(http, current, linked.Token);
            }

            await foreach (var status in channel.Reader.ReadAllAsync(linked.Token))
            {
                await WriteAsync(http, status, linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab closed or the server is stopping.
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    private static async Task WriteAsync(HttpContext http, BuildStatus status, CancellationToken cancellation)
    {
        await http.Response.WriteAsync($"event: build\ndata: {status.ToJson()}\n\n", cancellation);
        await http.Response.Body.FlushAsync(cancellation);
    }
}
