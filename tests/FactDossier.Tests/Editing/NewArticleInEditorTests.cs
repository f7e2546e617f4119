using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FactDossier.Editing;
using FactDossier.Loading;
using FactDossier.Preview;
using FactDossier.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace FactDossier.Tests.Editing;

/// <summary>
/// "New article" in the preview's editor: the article schema's fields and a text area whose text the preview's back end
/// writes to seeds/, under the same path rules as every other write, never over an existing seed.
/// </summary>
public sealed class NewArticleInEditorTests : IDisposable
{
    private const string Text = "First paragraph of the article.\n“A quotation,” the minister said.\n";

    // As Decap writes an entry of the articles' form: the schema's order, the pasted text last.
    private const string Raw = "title: A new article\nlanguage: en\ndate: 2022-10-14\ntext: |\n  First paragraph of the article.\n  “A quotation,” the minister said.\n";

    private readonly TestProject _project = TestProject.Minimal();
    private readonly EditorBackend _backend;

    public NewArticleInEditorTests() => _backend = new EditorBackend(new EditorPaths(_project.Layout), "dossier");

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData(Raw, "title: A new article\nlanguage: en\ndate: 2022-10-14\nseed: seeds/x.txt\n")]
    [InlineData("title: A\ntext: >-\n  One line.\nlanguage: en\nseed: ''\n", "title: A\nlanguage: en\nseed: seeds/x.txt\n")]
    [InlineData("title: A\nseed: seeds/x.txt\ntext: \"One line.\"", "title: A\nseed: seeds/x.txt\n")]
    public void The_text_is_taken_out_of_the_entry_and_the_seed_named_the_other_lines_kept(string raw, string yaml)
    {
        var (taken, refusal) = ArticleTextEntry.Take(raw, "x");

        Assert.Null(refusal);
        Assert.Equal(yaml, taken!.Yaml);
        Assert.False(string.IsNullOrWhiteSpace(taken.Text));
    }

    [Theory]
    [InlineData("title: A\nseed: seeds/old.txt\n")]
    [InlineData("title: A\ntext: ''\nseed: seeds/old.txt\n")]
    public void Without_a_text_the_entry_is_the_article_file_as_before(string raw)
    {
        var (taken, refusal) = ArticleTextEntry.Take(raw, "x");

        Assert.Null(refusal);
        Assert.Null(taken!.Text);
        Assert.Equal("title: A\nseed: seeds/old.txt\n", taken.Yaml);
    }

    [Theory]
    [InlineData("title: A\nseed: seeds/other.txt\ntext: Some text.\n", "leave 'Seed' empty")]
    [InlineData("{title: A, text: Some text.}", "block mapping")]
    [InlineData("title: [A\ntext: x\n", "not YAML")]
    public void A_text_with_another_seed_or_an_entry_the_editor_does_not_write_is_refused(string raw, string reason)
    {
        var (taken, refusal) = ArticleTextEntry.Take(raw, "x");

        Assert.Null(taken);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_a_new_article_with_its_text_writes_the_seed_byte_for_byte_and_the_article_builds()
    {
        var answer = Persist("input/articles/a-new-article.yml", Raw);

        Assert.Equal(200, answer.Status);
        Assert.Equal(Encoding.UTF8.GetBytes(Text), File.ReadAllBytes(_project.PathOf("seeds/a-new-article.txt")));
        Assert.Equal("title: A new article\nlanguage: en\ndate: 2022-10-14\nseed: seeds/a-new-article.txt\n", _project.Read("input/articles/a-new-article.yml"));
        Assert.Empty(Directory.GetFiles(_project.PathOf("seeds"), ".*")); // no staged file left behind
        var build = _project.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Contains("the minister said", File.ReadAllText(_project.PathOf("output/articles/a-new-article/index.html")), StringComparison.Ordinal);

        // The form saved again as it is: the same text, nothing to write over. Another text: refused, nothing written.
        Assert.Equal(200, Persist("input/articles/a-new-article.yml", Raw).Status);
        var before = Snapshot();
        var other = Persist("input/articles/a-new-article.yml", Raw.Replace("First", "Another", StringComparison.Ordinal));
        Assert.Equal(422, other.Status);
        Assert.Contains("a seed is never written over", (string?)other.Body!["error"], StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_seeds_folder_or_seed_that_is_a_symbolic_link_is_refused_and_nothing_is_written()
    {
        var outside = Path.Combine(Path.GetTempPath(), "factdossier-tests", "outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.CreateSymbolicLink(_project.PathOf("seeds/planted.txt"), Path.Combine(outside, "planted.txt"));
            var planted = Persist("input/articles/planted.yml", Raw);
            Directory.Delete(_project.PathOf("seeds"), recursive: true);
            Directory.CreateSymbolicLink(_project.PathOf("seeds"), outside);
            var before = Snapshot();
            var linked = Persist("input/articles/linked.yml", Raw);

            Assert.Equal((422, 422), (planted.Status, linked.Status));
            Assert.Contains("symbolic link", (string?)planted.Body!["error"], StringComparison.Ordinal);
            Assert.Contains("symbolic link", (string?)linked.Body!["error"], StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(outside));
            Assert.False(File.Exists(_project.PathOf("input/articles/planted.yml")));
            Assert.Equal(before, Snapshot());
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Only_the_previews_form_has_the_text_area_the_published_one_asks_for_the_seed()
    {
        var site = DossierLoader.Load(_project.Layout).Dossier!.Site;

        var published = Articles(DecapConfig.Yaml(site));
        var preview = Articles(DecapConfig.Yaml(site, preview: true));

        Assert.Equal("Article", Scalar(published, "label_singular")); // "New Article"
        Assert.DoesNotContain(Fields(published), f => Scalar(f, "name") == "text");
        Assert.Equal("true", Scalar(Fields(published).Single(f => Scalar(f, "name") == "seed"), "required"));
        var text = Fields(preview).Single(f => Scalar(f, "name") == "text");
        Assert.Equal(("text", "false"), (Scalar(text, "widget"), Scalar(text, "required")));
        Assert.Equal("false", Scalar(Fields(preview).Single(f => Scalar(f, "name") == "seed"), "required"));
        Assert.Equal(Fields(published).Select(f => Scalar(f, "name")), Fields(preview).Select(f => Scalar(f, "name")).SkipLast(1));
    }

    [Fact]
    public async Task The_running_preview_serves_the_text_area_and_builds_the_article_saved_through_it()
    {
        var (preview, url) = await FactDossierProcess.StartPreviewAsync(TimeSpan.FromSeconds(30), "--root", _project.Root, "--theme", RepositoryPaths.Theme, "--port", "0");
        using var _ = preview;
        try
        {
            using var http = new HttpClient();
            var config = await http.GetStringAsync(url + "admin/config.yml", CancellationToken.None);
            Assert.Contains(Fields(Articles(config)), f => Scalar(f, "name") == "text");

            var body = new JsonObject
            {
                ["action"] = "persistEntry",
                ["params"] = new JsonObject
                {
                    ["dataFiles"] = new JsonArray(new JsonObject { ["slug"] = "a-new-article", ["path"] = "input/articles/a-new-article.yml", ["raw"] = Raw }),
                    ["assets"] = new JsonArray(),
                    ["options"] = new JsonObject { ["commitMessage"] = "Create article", ["useWorkflow"] = false, ["status"] = "" },
                },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, url + EditorRequests.Path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            request.Headers.Add("Origin", new Uri(url).GetLeftPart(UriPartial.Authority));
            using var saved = await http.SendAsync(request, CancellationToken.None);
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);

            string? page = null;
            for (var i = 0; i < 100 && page is null; i++)
            {
                await Task.Delay(200);
                using var response = await http.GetAsync(url + "articles/a-new-article/", CancellationToken.None);
                page = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
            }

            Assert.NotNull(page);
            Assert.Contains("the minister said", page, StringComparison.Ordinal);
        }
        finally
        {
            FactDossierProcess.Terminate(preview);
            await preview.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static YamlMappingNode Articles(string config)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(config));
        var collections = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("collections")];
        return collections.Children.Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == "articles");
    }

    private static List<YamlMappingNode> Fields(YamlMappingNode collection) =>
        [.. ((YamlSequenceNode)collection.Children[new YamlScalarNode("fields")]).Children.Cast<YamlMappingNode>()];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private EditorBackend.Answer Persist(string path, string raw) => _backend.Handle(new JsonObject
    {
        ["action"] = "persistEntry",
        ["params"] = new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["slug"] = "x", ["path"] = path, ["raw"] = raw }),
            ["assets"] = new JsonArray(),
            ["options"] = new JsonObject { ["commitMessage"] = "x", ["useWorkflow"] = false, ["status"] = "" },
        },
    });

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_project.Root, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
