namespace FactDossier.Preview;

/// <summary>
/// Which requests to the editor's backend the preview obeys. Any page the editor has open in the same browser can
/// send requests to 127.0.0.1: only those from the preview's own pages (their <c>Origin</c>), addressed to the
/// preview by its own name (<c>Host</c>: no DNS rebinding) and carrying JSON (no form a page could post without
/// asking) are let through.
/// </summary>
public static class EditorRequests
{
    public const string Path = ReloadScript.Path + "api/v1";

    /// <summary>Why the request is refused, or null.</summary>
    public static string? Refusal(string method, string? origin, string? host, string? contentType, int port)
    {
        string[] hosts = [$"127.0.0.1:{port}", $"localhost:{port}"];
        if (method != "POST")
        {
            return "only POST";
        }

        if (host is null || !hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return $"the preview answers as {hosts[0]}, not '{host}'";
        }

        if (origin is null || !hosts.Any(h => string.Equals(origin, "http://" + h, StringComparison.OrdinalIgnoreCase)))
        {
            return $"only the preview's own pages may write files: Origin '{origin}' is not one";
        }

        return contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"the body must be application/json, not '{contentType}'";
    }

    /// <summary>The editor's configuration as the preview serves it: its local backend is the preview itself.</summary>
    public static string WithLocalBackend(string config, string origin, string basePath) =>
        config.TrimEnd('\n') + $"\nlocal_backend:\n  url: {origin}{basePath}{Path}\n  allowed_hosts: [127.0.0.1, localhost]\n";
}
