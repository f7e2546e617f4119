using System.Net.Sockets;
using FactDossier.Building;
using FactDossier.Cli;

namespace FactDossier.Serving;

/// <summary>
/// A process that stays after a command-line build, as MSBuild's nodes and the C# compiler's server do, and makes the
/// next builds of the same project with the preview's memory: one edited claim re-renders its pages in a fraction of a
/// second instead of a process starting, compiling its code and reading the stored work again. It first makes the whole
/// site in memory without writing (adopting output/ only if that is exactly what output/ holds), then answers one build
/// at a time, and leaves after <see cref="IdleTimeout"/> without one. The command line's record stays the truth: a build
/// made by anything else since, or output/ touched by hand, makes its memory start again from the record.
/// </summary>
public static class BuildServer
{
    public static TimeSpan IdleTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <param name="stopping">Signalled by SIGTERM or Ctrl+C: the server stops between builds, its socket removed.</param>
    public static async Task<int> RunAsync(BuildOptions options, string socketPath, TimeSpan idle, TextWriter log, CancellationToken stopping)
    {
        if (await BuildServerClient.AnswersAsync(socketPath))
        {
            return 0; // another one serves this project already
        }

        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            File.Delete(socketPath); // left by a server that was killed
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(16);
        }
        catch (SocketException e)
        {
            log.WriteLine($"factdossier build server: cannot listen at {socketPath}: {e.Message}");
            return 1;
        }

        var memory = new BuildMemory { KeepsNoRecord = false };
        try
        {
            Warm(options, memory, log);
            while (await NextAsync(listener, options, idle, stopping) is { } connection)
            {

                using (connection)
                using (var stream = new NetworkStream(connection))
                {
                    if (!Answer(stream, options, ref memory, log))
                    {
                        return 0;
                    }
                }

                if (memory.Last is null)
                {
                    Warm(options, memory, log);
                }
            }
        }
        finally
        {
            File.Delete(socketPath);
            FinishQuietly(memory, log);
            DeleteIfEmpty(Path.ChangeExtension(socketPath, ".log")); // where its starter sent its errors: none
        }

        return 0;
    }

    /// <summary>The next command's connection; null once idle for <paramref name="idle"/>, stopped, or when the project is gone.</summary>
    private static async Task<Socket?> NextAsync(Socket listener, BuildOptions options, TimeSpan idle, CancellationToken stopping)
    {
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < idle && Directory.Exists(options.Layout.Input) && !stopping.IsCancellationRequested)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            tick.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                return await listener.AcceptAsync(tick.Token);
            }
            catch (OperationCanceledException)
            {
                // look again whether to go on waiting
            }
        }

        return null;
    }

    private static void FinishQuietly(BuildMemory memory, TextWriter log)
    {
        try
        {
            memory.FinishBackgroundWork();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.WriteLine($"factdossier build server: work after a build failed: {e}");
        }
    }

    private static void DeleteIfEmpty(string path)
    {
        if (new FileInfo(path) is { Exists: true, Length: 0 })
        {
            File.Delete(path);
        }
    }

    /// <summary>Makes the site in memory from what output/ holds, if it is what the input makes; else waits for a build.</summary>
    private static void Warm(BuildOptions options, BuildMemory memory, TextWriter log)
    {
        try
        {
            SiteBuilder.WarmUp(options, memory);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.WriteLine($"factdossier build server: warming up failed: {e}");
        }
    }

    /// <returns>False when the server was asked to stop.</returns>
    private static bool Answer(NetworkStream stream, BuildOptions options, ref BuildMemory memory, TextWriter log)
    {
        ServerRequest? request;
        try
        {
            request = ServerRequest.ReadFrom(stream);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            return true;
        }

        if (request is null || request.Stop)
        {
            FinishQuietly(memory, log); // its record written before anyone hears that it stopped
            Reply(stream, new ServerReply(0, "", ""));
            return request is null;
        }

        ServerReply reply;
        try
        {
            // The command prints at once what its build waits for, as it would building in its own process.
            var result = SiteBuilder.Build(options with { Waiting = line => Note(stream, line) }, memory);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = ConsoleReport.Build(result, options.Layout, request.Format, request.Verbose, stdout, stderr);
            if (request.Verbose)
            {
                stdout.WriteLine($"  build server    pid {Environment.ProcessId}");
            }

            reply = new ServerReply(exit, stdout.ToString(), stderr.ToString());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault of the server's is not the editor's: the command builds in its own process instead.
            log.WriteLine($"factdossier build server: build failed: {e}");
            FinishQuietly(memory, log); // nothing of it may still write when the command builds in its own process
            memory = new BuildMemory { KeepsNoRecord = false };
            reply = new ServerReply(ServerReply.Unanswered, "", "");
        }

        Reply(stream, reply);
        return true;
    }

    private static void Note(NetworkStream stream, string line)
    {
        try
        {
            ServerNote.WriteTo(stream, line);
        }
        catch (IOException)
        {
            // The command was stopped while it waited: the build goes on.
        }
    }

    private static void Reply(NetworkStream stream, ServerReply reply)
    {
        try
        {
            reply.WriteTo(stream);
        }
        catch (IOException)
        {
            // The command was stopped (Ctrl+C) while its build ran: the build stands, nobody to tell.
        }
    }
}
