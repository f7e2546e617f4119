using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The real `preview` process: serve, watch, rebuild, push reload events, survive a broken file, stop cleanly.</summary>
public sealed class PreviewTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Preview_serves_rebuilds_on_change_reports_a_broken_file_and_stops_cleanly()
    {
        using var project = TestProject.Minimal();
        var exitCode = await WithPreviewAsync(project, async baseUrl =>
        {
            Assert.EndsWith("/dossier/", baseUrl, StringComparison.Ordinal); // the base path of the site settings
            using var http = new HttpClient { Timeout = Patience };

            var home = await http.GetStringAsync(baseUrl);
            Assert.Contains("The ministry will radically reduce its activity near Kyiv", home, StringComparison.Ordinal);
            Assert.Contains("__factdossier/reload.js", home, StringComparison.Ordinal);
            Assert.DoesNotContain("__factdossier", File.ReadAllText(Path.Combine(project.Output, "index.html")), StringComparison.Ordinal);

            await using var events = await BuildEvents.OpenAsync(http, baseUrl + "__factdossier/events");
            var first = await events.NextAsync();
            Assert.True(first.GetProperty("ok").GetBoolean());

            var watch = Stopwatch.StartNew();
            project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("Not what happened.", "Edited in preview.", StringComparison.Ordinal));
            var rebuilt = await events.NextAsync();
            Assert.True(rebuilt.GetProperty("ok").GetBoolean());
            Assert.True(rebuilt.GetProperty("version").GetInt32() > first.GetProperty("version").GetInt32());
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"reload event after {watch.Elapsed}");
            Assert.Contains("Edited in preview.", await http.GetStringAsync(baseUrl + "claims/reduce/"), StringComparison.Ordinal);

            project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml") + "tags: [unclosed\n");
            // One save can reach the watcher as several changes, so the last edit may still be rebuilt once more first.
            var failed = await events.NextAsync(e => !e.GetProperty("ok").GetBoolean()); // times out if the build does not fail
            var diagnostic = failed.GetProperty("diagnostics")[0];
            Assert.Equal("FD0002", diagnostic.GetProperty("code").GetString());
            Assert.Equal("input/claims/reduce.yml", diagnostic.GetProperty("path").GetString());
            Assert.Contains("Edited in preview.", await http.GetStringAsync(baseUrl + "claims/reduce/"), StringComparison.Ordinal); // the last good site
            Assert.Contains("\"ok\":false", await http.GetStringAsync(baseUrl + "__factdossier/status"), StringComparison.Ordinal);
            Assert.Contains("showOverlay", await http.GetStringAsync(baseUrl + "__factdossier/reload.js"), StringComparison.Ordinal);

            project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("tags: [unclosed\n", "", StringComparison.Ordinal));
            await events.NextAsync(e => e.GetProperty("ok").GetBoolean()); // times out unless the repair builds

            using var missing = await http.GetAsync(baseUrl + "no-such-page/");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        });

        Assert.Equal(0, exitCode);
    }

    /// <summary>
    /// The preview reads again only the files its watcher saw change: an editor's save by rename, a file moved into a new
    /// folder and then edited there, a new page and a deleted one must all reach the site.
    /// </summary>
    [Fact]
    public async Task Preview_sees_saves_by_rename_new_folders_and_files_that_come_and_go()
    {
        using var project = TestProject.Minimal();
        await WithPreviewAsync(project, async baseUrl =>
        {
            using var http = new HttpClient { Timeout = Patience };
            await using var events = await BuildEvents.OpenAsync(http, baseUrl + "__factdossier/events");
            await events.NextAsync();
            var claim = project.PathOf("input/claims/reduce.yml");

            // As many editors save: a new file written beside, then renamed over the old one.
            File.WriteAllText(claim + ".tmp", File.ReadAllText(claim).Replace("Not what happened.", "Saved by rename.", StringComparison.Ordinal));
            File.Move(claim + ".tmp", claim, overwrite: true);
            await AssertServedAsync(http, events, baseUrl + "claims/reduce/", "Saved by rename.");

            var moved = project.PathOf("input/claims/2022/reduce.yml");
            Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
            File.Move(claim, moved);
            await events.NextAsync(e => e.GetProperty("ok").GetBoolean());
            File.WriteAllText(moved, File.ReadAllText(moved).Replace("Saved by rename.", "Edited in a new folder.", StringComparison.Ordinal));
            await AssertServedAsync(http, events, baseUrl + "claims/reduce/", "Edited in a new folder.");

            project.Write("input/pages/method.md", "---\ntitle: Method\norder: 2\n---\nHow we check.\n");
            await AssertServedAsync(http, events, baseUrl + "method/", "How we check.");

            File.Delete(project.PathOf("input/pages/method.md"));
            var deadline = Stopwatch.StartNew();
            while ((await http.GetAsync(baseUrl + "method/")).StatusCode != HttpStatusCode.NotFound)
            {
                Assert.True(deadline.Elapsed < Patience, "the deleted page is still served");
                await events.NextAsync();
            }
        });
    }

    /// <summary>Runs `preview` on the project, hands its base URL to the test, then stops it with SIGTERM; its exit code.</summary>
    private static async Task<int> WithPreviewAsync(TestProject project, Func<string, Task> test)
    {
        var (process, baseUrl) = await FactDossierProcess.StartPreviewAsync(Patience, "--root", project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = process;
        try
        {
            await test(baseUrl);
        }
        finally
        {
            FactDossierProcess.Terminate(process);
        }

        Assert.True(process.WaitForExit(Patience), "preview did not stop after SIGTERM");
        return process.ExitCode;
    }

    /// <summary>Waits for builds until the page is there and shows the text (one save can reach the watcher as several changes).</summary>
    private static async Task AssertServedAsync(HttpClient http, BuildEvents events, string url, string text)
    {
        var deadline = Stopwatch.StartNew();
        while (await http.GetAsync(url) is var response && !(response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < Patience, $"{url} never showed '{text}'");
            var built = await events.NextAsync();
            Assert.True(built.GetProperty("ok").GetBoolean(), built.ToString());
        }
    }

    /// <summary>Reads the preview's Server-Sent Events stream, one <c>build</c> event at a time.</summary>
    private sealed class BuildEvents : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private BuildEvents(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        public static async Task<BuildEvents> OpenAsync(HttpClient http, string url)
        {
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            return new BuildEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        /// <summary>The next event that <paramref name="wanted"/> accepts, skipping others.</summary>
        public async Task<JsonElement> NextAsync(Func<JsonElement, bool> wanted)
        {
            while (true)
            {
                var next = await NextAsync();
                if (wanted(next))
                {
                    return next;
                }
            }
        }

        public async Task<JsonElement> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                }
            }

            throw new InvalidOperationException("the event stream ended");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
