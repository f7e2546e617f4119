using System.Diagnostics;
using System.Globalization;
using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Serving;
using FactDossier.Tests.Support;
using Xunit.Abstractions;
using static FactDossier.Tests.EndToEnd.CommandLineRebuildTests;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// A build server that dies in the middle of a build (SIGKILL at random moments) leaves the command that handed it the
/// build with the right site, and a new server is started; a server of another build of the tool, left running, is
/// never used (its socket is named by the build: <see cref="BuildServerAddress"/>).
/// </summary>
public sealed class BuildServerFaultTests(ITestOutputHelper log)
{
    private const string Template = "theme/layouts/_layout.liquid";

    [Fact]
    public async Task A_server_killed_at_any_moment_of_a_build_leaves_the_command_with_the_right_site_and_a_new_server_later()
    {
        using var project = WithOwnTheme();
        var socket = SocketOf(project);
        var texts = new[] { project.Read(Template), project.Read(Template) + "\n<!-- every page changes -->\n" };
        Assert.Equal(0, Build(project).ExitCode); // builds itself, starts the server
        var server = WaitForServer(socket);

        // How long the server takes to build every page again: the window the kills are spread over.
        project.Write(Template, texts[1]);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Build(project).ExitCode);
        var served = clock.Elapsed;
        var random = new Random(32);
        var outcomes = new List<string>();
        for (var run = 0; run < 12; run++)
        {
            project.Write(Template, texts[run % 2]);
            var delay = served * random.NextDouble() * 1.2;
            using var command = FactDossierProcess.Start(buildServer: true, "build", "--root", project.Root, "-v");
            var (stdout, stderr) = (command.StandardOutput.ReadToEndAsync(), command.StandardError.ReadToEndAsync());
            await Task.Delay(delay);
            Kill(server);
            Assert.True(command.WaitForExit(TimeSpan.FromMinutes(2)), "the command did not finish");
            var answered = (await stdout).Contains($"build server    pid {server}", StringComparison.Ordinal);
            outcomes.Add($"{delay.TotalMilliseconds:0} ms: exit {command.ExitCode}, {(answered ? "the server replied before it died" : "built itself")}");
            if (command.ExitCode != 0)
            {
                Assert.Contains("error FD", await stderr, StringComparison.Ordinal); // a clear error, then a good site on the next run
                Assert.Equal(0, Build(project).ExitCode);
            }

            OutputSnapshot.AssertIdentical(CleanBuildOf(project), OutputSnapshot.Of(project.Output));

            // A new server: started by the command that built itself, or else by the next command, which finds none.
            if (!Answers(socket))
            {
                Assert.Equal(0, Build(project).ExitCode);
            }

            var next = WaitForServer(socket);
            Assert.NotEqual(server, next);
            server = next;
        }

        log.WriteLine($"a server build of every page takes {served.TotalMilliseconds:0} ms; kills: {string.Join("; ", outcomes)}");
        Assert.Contains(outcomes, o => o.Contains("built itself", StringComparison.Ordinal));
        Edit(project, "claim");
        Assert.Equal(0, Build(project).ExitCode);
        AssertSameAsCleanBuild(project); // and what the killed servers left beside output/ is gone
        Stop(project);
    }

    /// <summary>The site a build of the project's input and theme from nothing makes.</summary>
    private static SortedDictionary<string, byte[]> CleanBuildOf(TestProject project)
    {
        using var clean = TestProject.RealDossier();
        foreach (var folder in new[] { "input", "theme" })
        {
            if (Directory.Exists(clean.PathOf(folder)))
            {
                Directory.Delete(clean.PathOf(folder), recursive: true);
            }

            TestProject.Copy(project.PathOf(folder), clean.PathOf(folder));
        }

        Assert.True(SiteBuilder.Build(new BuildOptions(InputLayout.Under(clean.Root))).Succeeded);
        return OutputSnapshot.Of(clean.Output);
    }

    /// <summary>
    /// Another build of the tool (here this one with another module version id, as every change of its code gives) left
    /// its server running: this build's commands never hand it a build, whose site it would make by its own code; they
    /// start their own. The old server is left to end after its idle time (or <c>server stop</c> by its own tool).
    /// </summary>
    [Fact]
    public void A_server_of_another_build_of_the_tool_is_never_used()
    {
        using var project = WithOwnTheme();
        using var older = OlderTool.Make();
        Assert.Equal(0, older.Run(project, "build").ExitCode); // its own build, and its server
        string? olderSocket = null;
        Assert.True(SpinWait.SpinUntil(() => (olderSocket = SocketServedFrom(older.Folder, SocketOf(project))) is not null, TimeSpan.FromMinutes(1)),
            "the other build's server did not start");
        var olderServer = WaitForServer(olderSocket!);
        try
        {
            Assert.NotEqual(olderSocket, SocketOf(project)); // where this build's commands look, none of another build listens
            Edit(project, "claim");

            var first = Build(project);
            Assert.Equal(0, first.ExitCode);
            Assert.DoesNotContain("build server", first.Stdout, StringComparison.Ordinal); // built in its own process
            AssertSameAsCleanBuild(project);
            var own = WaitForServer(SocketOf(project));
            Edit(project, "claim comment");
            var second = Build(project);

            Assert.Equal(0, second.ExitCode);
            Assert.Contains($"build server    pid {own}", second.Stdout, StringComparison.Ordinal);
            Assert.NotEqual(olderServer, own);
            AssertSameAsCleanBuild(project);
            Assert.True(Answers(olderSocket!)); // still there, never asked
        }
        finally
        {
            older.Run(project, "server", "stop");
            Stop(project);
        }
    }

    private static FactDossierProcess.Run Build(TestProject project) => FactDossierProcess.Execute(buildServer: true, "build", "--root", project.Root, "-v");

    private static void Stop(TestProject project) => FactDossierProcess.Execute(buildServer: true, "server", "stop", "--root", project.Root);

    private static string SocketOf(TestProject project) =>
        BuildServerAddress.For(new BuildOptions(InputLayout.Under(project.Root)), name => name == "FACTDOSSIER_BUILD_SERVER" ? "1" : Environment.GetEnvironmentVariable(name))!;

    private static bool Answers(string socket) => BuildServerClient.AnswersAsync(socket).GetAwaiter().GetResult();

    /// <summary>The socket, beside <paramref name="beside"/>, of a server run by the tool in <paramref name="folder"/>.</summary>
    private static string? SocketServedFrom(string folder, string beside) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(beside)!, "*.sock")
            .FirstOrDefault(s => ServerPidOf(s) is { } pid && CommandLineOf(pid).Contains(folder, StringComparison.Ordinal));

    /// <summary>The pid of the server listening at <paramref name="socket"/>, once it answers.</summary>
    private static int WaitForServer(string socket)
    {
        int? pid = null;
        Assert.True(SpinWait.SpinUntil(() => Answers(socket) && (pid = ServerPidOf(socket)) is not null, TimeSpan.FromMinutes(1)), "no server answers at " + socket);
        return pid!.Value;
    }

    /// <summary>The process running <c>server run --socket &lt;socket&gt;</c>, found by its command line.</summary>
    private static int? ServerPidOf(string socket)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) && CommandLineOf(pid) is var line
                && line.Contains("\0server\0run\0--socket\0" + socket + "\0", StringComparison.Ordinal))
            {
                return pid;
            }
        }

        return null;
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void Kill(int pid)
    {
        using var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>
    /// This tool with another module version id: its assembly copied with those 16 bytes changed, beside links to the
    /// files it depends on. To the tool it is another build of itself (<c>CheckedFile.ToolBuild</c>).
    /// </summary>
    private sealed class OlderTool : IDisposable
    {
        private OlderTool(string folder) => Folder = folder;

        public string Folder { get; }

        public static OlderTool Make()
        {
            var tool = new OlderTool(Path.Combine(Path.GetTempPath(), "factdossier-tests", "older-tool-" + Guid.NewGuid().ToString("N")));
            Directory.CreateDirectory(tool.Folder);
            foreach (var file in Directory.EnumerateFileSystemEntries(AppContext.BaseDirectory))
            {
                var target = Path.Combine(tool.Folder, Path.GetFileName(file));
                if (Path.GetFileName(file) != "FactDossier.dll")
                {
                    File.CreateSymbolicLink(target, file);
                }
            }

            var assembly = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "FactDossier.dll"));
            var mvid = typeof(BuildServer).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
            var other = Guid.NewGuid().ToByteArray();
            var found = 0;
            for (var at = assembly.AsSpan().IndexOf(mvid); at >= 0; at = assembly.AsSpan().IndexOf(mvid))
            {
                other.CopyTo(assembly, at);
                found++;
            }

            Assert.True(found > 0, "the module version id was not found in FactDossier.dll");
            File.WriteAllBytes(Path.Combine(tool.Folder, "FactDossier.dll"), assembly);
            Assert.NotEqual(typeof(BuildServer).Assembly.ManifestModule.ModuleVersionId, ModuleVersionIdOf(Path.Combine(tool.Folder, "FactDossier.dll")));
            return tool;
        }

        public FactDossierProcess.Run Run(TestProject project, params string[] command)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["FACTDOSSIER_BUILD_SERVER"] = "1";
            start.ArgumentList.Add(Path.Combine(Folder, "FactDossier.dll"));
            foreach (var argument in (string[])[.. command, "--root", project.Root])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
            return new FactDossierProcess.Run(process.ExitCode, stdout.Result, stderr.Result);
        }

        private static Guid ModuleVersionIdOf(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
