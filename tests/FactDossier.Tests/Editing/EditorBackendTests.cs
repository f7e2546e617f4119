using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FactDossier.Preview;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Editing;

/// <summary>
/// The preview's side of Decap's local-backend protocol (decap-server's actions, its answers' shapes), and what it
/// refuses: any path outside the editor's folders, and any request not from the preview's own pages.
/// </summary>
public sealed class EditorBackendTests : IDisposable
{
    private readonly TestProject _project = TestProject.RealDossier();
    private readonly EditorBackend _backend;

    public EditorBackendTests() => _backend = new EditorBackend(new EditorPaths(_project.Layout), "factdossier");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Info_says_a_local_file_system_with_simple_publishing()
    {
        var answer = Ask("info");
        Assert.Equal(200, answer.Status);
        Assert.Equal("local_fs", (string?)answer.Body!["type"]);
        Assert.Equal(["simple"], answer.Body!["publish_modes"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public void Entries_by_folder_are_every_claim_with_its_text_and_the_sha256_of_its_bytes()
    {
        var files = Directory.GetFiles(_project.PathOf("input/claims"), "*.yml").Order(StringComparer.Ordinal).ToList();
        var entries = Ask("entriesByFolder", new JsonObject { ["folder"] = "input/claims", ["extension"] = "yml", ["depth"] = 1 }).Body!.AsArray();
        Assert.Equal(files.Count, entries.Count);
        foreach (var (file, entry) in files.Zip(entries))
        {
            Assert.Equal($"input/claims/{Path.GetFileName(file)}", (string?)entry!["file"]!["path"]);
            Assert.Equal(File.ReadAllText(file), (string?)entry["data"]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), (string?)entry["file"]!["id"]);
        }

        var one = Ask("getEntry", new JsonObject { ["path"] = "input/people/jens-stoltenberg.yml" }).Body!;
        Assert.Equal(_project.Read("input/people/jens-stoltenberg.yml"), (string?)one["data"]);
        var some = Ask("entriesByFiles", new JsonObject { ["files"] = new JsonArray(new JsonObject { ["path"] = "input/pages/methodology.md", ["label"] = "Method" }, new JsonObject { ["path"] = "input/claims/none.yml" }) }).Body!.AsArray();
        Assert.Equal("Method", (string?)some[0]!["file"]!["label"]);
        Assert.NotNull((string?)some[0]!["data"]);
        Assert.Null((string?)some[1]!["data"]); // a missing file: no data, as decap-server answers
    }

    [Fact]
    public void Persisting_an_entry_writes_its_file_and_deleting_removes_it()
    {
        var answer = Ask("persistEntry", new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["slug"] = "new-one", ["path"] = "input/claims/new-one.yml", ["raw"] = "headline: New\n" }),
            ["assets"] = new JsonArray(),
            ["options"] = new JsonObject { ["commitMessage"] = "Create claim", ["useWorkflow"] = false, ["status"] = "" },
        });
        Assert.Equal(200, answer.Status);
        Assert.Equal("headline: New\n", _project.Read("input/claims/new-one.yml"));
        Assert.Empty(Directory.GetFiles(_project.PathOf("input/claims"), ".*")); // no staged file left behind

        Assert.Equal(200, Ask("deleteFiles", new JsonObject { ["paths"] = new JsonArray("input/claims/new-one.yml"), ["options"] = new JsonObject { ["commitMessage"] = "Delete" } }).Status);
        Assert.False(File.Exists(_project.PathOf("input/claims/new-one.yml")));
    }

    [Fact]
    public void Media_are_listed_and_read_but_never_written_and_entries_never_renamed()
    {
        _project.WriteBytes("input/media/map.png", [1, 2, 3]);
        var media = Assert.Single(Ask("getMedia", new JsonObject { ["mediaFolder"] = "input/media" }).Body!.AsArray())!;
        Assert.Equal(("map.png", "input/media/map.png", "AQID"), ((string?)media["name"], (string?)media["path"], (string?)media["content"]));
        Assert.Equal("AQID", (string?)Ask("getMediaFile", new JsonObject { ["path"] = "input/media/map.png" }).Body!["content"]);
        Assert.Equal(500, Ask("getMediaFile", new JsonObject { ["path"] = "input/media/none.png" }).Status); // an answer, not a crash

        var before = Snapshot();
        Assert.Equal(422, Ask("persistMedia", new JsonObject { ["asset"] = new JsonObject { ["path"] = "input/media/x.png", ["content"] = "AQID", ["encoding"] = "base64" } }).Status);
        var withAsset = Ask("persistEntry", new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["slug"] = "x", ["path"] = "input/claims/x.yml", ["raw"] = "headline: X\n" }),
            ["assets"] = new JsonArray(new JsonObject { ["path"] = "input/media/x.png", ["content"] = "AQID", ["encoding"] = "base64" }),
            ["options"] = new JsonObject { ["commitMessage"] = "x", ["useWorkflow"] = false, ["status"] = "" },
        });
        Assert.Equal(422, withAsset.Status);
        var renamed = Ask("persistEntry", new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["slug"] = "x", ["path"] = "input/claims/le-drian-no-act.yml", ["raw"] = "headline: X\n", ["newPath"] = "input/pages/x.md" }),
            ["assets"] = new JsonArray(),
            ["options"] = new JsonObject { ["commitMessage"] = "x", ["useWorkflow"] = false, ["status"] = "" },
        });
        Assert.Equal(422, renamed.Status);
        Assert.Equal(before, Snapshot());
    }

    public static TheoryData<string> RefusedPaths() =>
    [
        "../outside.yml",
        "input/claims/../../outside.yml",
        "input/claims/../site.yml",
        "/etc/factdossier-outside.yml",
        "input\\claims\\x.yml",
        "input/claims/sub/x.yml",
        "input/claims/x.md",
        "input/claims/x.yml.exe",
        "input/site.yml",
        "seeds/article.txt",
        "theme/layouts/claim.liquid",
        "input/media/x.png",
        "input/claims/U.YML",
        "input/claims/x.yml\n",
        "",
    ];

    [Theory]
    [MemberData(nameof(RefusedPaths))]
    public void A_path_outside_the_editors_folders_is_refused_and_nothing_of_the_request_is_written(string path)
    {
        var before = Snapshot();
        var answer = Ask("persistEntry", new JsonObject
        {
            ["dataFiles"] = new JsonArray(
                new JsonObject { ["slug"] = "fine", ["path"] = "input/claims/fine.yml", ["raw"] = "headline: Fine\n" },
                new JsonObject { ["slug"] = "bad", ["path"] = path, ["raw"] = "pwned\n" }),
            ["assets"] = new JsonArray(),
            ["options"] = new JsonObject { ["commitMessage"] = "x", ["useWorkflow"] = false, ["status"] = "" },
        });
        Assert.Equal(422, answer.Status);
        Assert.False(string.IsNullOrWhiteSpace((string?)answer.Body!["error"]));
        Assert.Equal(before, Snapshot());
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_project.Root)!, "outside.yml")));
        Assert.Null((string?)Ask("getEntry", new JsonObject { ["path"] = path }).Body!["data"]);
        Assert.Equal(422, Ask("deleteFiles", new JsonObject { ["paths"] = new JsonArray(path), ["options"] = new JsonObject { ["commitMessage"] = "x" } }).Status);
    }

    [Fact]
    public void A_folder_or_file_reached_through_a_symbolic_link_even_a_dangling_one_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), "factdossier-tests", "outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.yml"), "secret\n");
            File.CreateSymbolicLink(_project.PathOf("input/people/linked.yml"), Path.Combine(outside, "secret.yml"));
            File.CreateSymbolicLink(_project.PathOf("input/people/dangling.yml"), Path.Combine(outside, "planted.yml"));
            Directory.Delete(_project.PathOf("input/sources"), recursive: true);
            Directory.CreateSymbolicLink(_project.PathOf("input/sources"), outside);
            Directory.Delete(_project.PathOf("input/pages"), recursive: true);
            Directory.CreateSymbolicLink(_project.PathOf("input/pages"), Path.Combine(outside, "missing"));

            Assert.Null((string?)Ask("getEntry", new JsonObject { ["path"] = "input/people/linked.yml" }).Body!["data"]);
            Assert.Equal(422, Persist("input/people/linked.yml").Status);
            Assert.Equal(422, Persist("input/people/dangling.yml").Status);
            Assert.Equal(422, Persist("input/sources/new.yml").Status);
            Assert.Equal(422, Persist("input/pages/new.md").Status);
            Assert.Equal(422, Ask("entriesByFolder", new JsonObject { ["folder"] = "input/sources", ["extension"] = "yml", ["depth"] = 1 }).Status);
            Assert.Equal(["secret.yml"], Directory.GetFiles(outside).Select(Path.GetFileName));
            Assert.Equal("secret\n", File.ReadAllText(Path.Combine(outside, "secret.yml")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void The_folders_own_extension_decides_what_is_listed_never_the_requests_pattern()
    {
        var entries = Ask("entriesByFolder", new JsonObject { ["folder"] = "input/claims", ["extension"] = "x/../../../seeds/*", ["depth"] = 1 }).Body!.AsArray();
        Assert.All(entries, e => Assert.Matches("^input/claims/[a-z0-9-]+\\.yml$", (string?)e!["file"]!["path"]));
        Assert.Equal(Directory.GetFiles(_project.PathOf("input/claims"), "*.yml").Length, entries.Count);
    }

    [Fact]
    public void An_unknown_action_or_a_body_that_is_no_request_is_refused()
    {
        Assert.Equal(422, Ask("publishUnpublishedEntry").Status);
        Assert.Equal(422, _backend.Handle(JsonNode.Parse("[1, 2]")).Status);
        Assert.Equal(422, _backend.Handle(JsonNode.Parse("{\"params\": {}}")).Status);
    }

    [Theory]
    [InlineData("POST", "http://127.0.0.1:5080", "127.0.0.1:5080", "application/json; charset=utf-8", null)]
    [InlineData("POST", "http://localhost:5080", "localhost:5080", "application/json", null)]
    [InlineData("POST", "https://evil.example", "127.0.0.1:5080", "application/json", "Origin")]
    [InlineData("POST", null, "127.0.0.1:5080", "application/json", "Origin")]
    [InlineData("POST", "http://127.0.0.1:5081", "127.0.0.1:5080", "application/json", "Origin")]
    [InlineData("POST", "http://evil.example:5080", "evil.example:5080", "application/json", "answers as")]
    [InlineData("POST", "http://127.0.0.1:5080", "127.0.0.1:5080", "text/plain", "application/json")]
    [InlineData("POST", "http://127.0.0.1:5080", "127.0.0.1:5080", "application/x-www-form-urlencoded", "application/json")]
    [InlineData("GET", "http://127.0.0.1:5080", "127.0.0.1:5080", "application/json", "POST")]
    public void Only_JSON_posted_by_the_previews_own_pages_to_the_preview_is_obeyed(string method, string? origin, string host, string contentType, string? refusedFor)
    {
        var refusal = EditorRequests.Refusal(method, origin, host, contentType, 5080);
        if (refusedFor is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(refusedFor, refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_running_preview_answers_its_own_pages_and_refuses_another_sites_with_403_writing_nothing()
    {
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(30), "--root", _project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            using var http = new HttpClient();
            var origin = url.TrimEnd('/');
            var api = url + EditorRequests.Path;
            var body = """{"action":"persistEntry","params":{"branch":"main","dataFiles":[{"slug":"x","path":"input/claims/x.yml","raw":"headline: X\n"}],"assets":[],"options":{"commitMessage":"x","useWorkflow":false,"status":""}}}""";

            var config = await http.GetStringAsync(url + "admin/config.yml", CancellationToken.None);
            Assert.Contains($"local_backend:\n  url: {api}\n", config, StringComparison.Ordinal);

            using var evil = Post(api, body, "https://evil.example", "application/json");
            using var refused = await http.SendAsync(evil, CancellationToken.None);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var form = Post(api, body, origin, "text/plain");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(form, CancellationToken.None)).StatusCode);
            Assert.False(File.Exists(_project.PathOf("input/claims/x.yml")));

            // It listens on 127.0.0.1 only: the machine's other addresses do not answer on its port.
            var port = new Uri(url).Port;
            foreach (var address in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
                .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal))
            {
                using var socket = new System.Net.Sockets.TcpClient();
                await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => socket.ConnectAsync(address, port, CancellationToken.None).AsTask());
            }

            using var own = Post(api, body, origin, "application/json");
            using var accepted = await http.SendAsync(own, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal("headline: X\n", _project.Read("input/claims/x.yml"));
        }
        finally
        {
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static HttpRequestMessage Post(string url, string body, string origin, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private EditorBackend.Answer Persist(string path) => Ask("persistEntry", new JsonObject
    {
        ["dataFiles"] = new JsonArray(new JsonObject { ["slug"] = "x", ["path"] = path, ["raw"] = "pwned\n" }),
        ["assets"] = new JsonArray(),
        ["options"] = new JsonObject { ["commitMessage"] = "x", ["useWorkflow"] = false, ["status"] = "" },
    });

    private EditorBackend.Answer Ask(string action, JsonObject? parameters = null) =>
        _backend.Handle(new JsonObject { ["action"] = action, ["params"] = parameters ?? new JsonObject { ["branch"] = "main" } });

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_project.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
