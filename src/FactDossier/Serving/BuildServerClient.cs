using System.Diagnostics;
using System.Net.Sockets;
using FactDossier.Building;

namespace FactDossier.Serving;

/// <summary>The command's side: hand the build to the project's server if one listens, start one for next time if not.</summary>
public static class BuildServerClient
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(2);

    /// <summary>The server's reply, or null when none answers (then the command builds in its own process).</summary>
    /// <param name="note">Told at once what the server says while it builds (that it waits for another writer).</param>
    public static async Task<ServerReply?> TryAsync(string socketPath, ServerRequest request, Action<string>? note = null)
    {
        if (!File.Exists(socketPath))
        {
            return null;
        }

        try
        {
            using var socket = await ConnectAsync(socketPath);
            await using var stream = new NetworkStream(socket);
            request.WriteTo(stream);
            socket.Shutdown(SocketShutdown.Send);
            return ServerReply.ReadFrom(stream, note) is { ExitCode: not ServerReply.Unanswered } reply ? reply : null;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return null; // a server that was killed, or went away meanwhile
        }
    }

    public static async Task<bool> AnswersAsync(string socketPath)
    {
        try
        {
            using var socket = await ConnectAsync(socketPath);
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<Socket> ConnectAsync(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using var patience = new CancellationTokenSource(ConnectPatience);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), patience.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the project's server in a session of its own, its output to a log beside the socket: it must not hold the
    /// command's output open (a caller reading it to the end would wait for the server) nor stop with its terminal.
    /// </summary>
    public static void Start(string socketPath, BuildOptions options)
    {
        var tool = Environment.ProcessPath;
        if (tool is null)
        {
            return;
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""
            log=$1; shift
            if command -v setsid >/dev/null 2>&1; then setsid "$@" </dev/null >/dev/null 2>"$log" &
            else "$@" </dev/null >/dev/null 2>"$log" &
            fi
            """);
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Path.ChangeExtension(socketPath, ".log"));
        start.ArgumentList.Add(tool);
        if (Path.GetFileNameWithoutExtension(tool) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BuildServer).Assembly.Location);
        }

        foreach (var argument in ServerArguments(socketPath, options))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var shell = Process.Start(start);
            shell?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No shell to start it with: every build runs in the command's own process.
        }
    }

    /// <summary>The server's command line: its socket, the project's folders, and the options that change the output.</summary>
    private static IEnumerable<string> ServerArguments(string socketPath, BuildOptions options)
    {
        var layout = options.Layout;
        string[] arguments = ["server", "run", "--socket", socketPath, "--root", layout.Root, "--input", layout.Input, "--theme", layout.Theme, "--output", layout.Output];
        return [
            .. arguments,
            .. options.BasePath is { } basePath ? ["--base-path", basePath] : Array.Empty<string>(),
            .. options.BaseUrl is { } baseUrl ? ["--base-url", baseUrl.ToString()] : Array.Empty<string>(),
            .. options.Strict ? ["--strict"] : Array.Empty<string>(),
        ];
    }

    /// <summary>Asks the server to stop; false when none was listening.</summary>
    public static async Task<bool> StopAsync(string socketPath) =>
        await TryAsync(socketPath, new ServerRequest(Stop: true, "msbuild", Verbose: false)) is not null;
}
