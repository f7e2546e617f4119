using System.Text.Json;
using FactDossier.Editing;
using FactDossier.Loading;
using FactDossier.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace FactDossier.Tests.Editing;

/// <summary>
/// The editor's config.yml says what the schemas say: a collection per folder, every property of every schema a field
/// at the same place, required exactly where the schema requires it, ids as relations to the folder they name,
/// ratings from the site's scale, dates as YYYY-MM-DD strings.
/// </summary>
public sealed class DecapConfigTests : IClassFixture<DecapConfigTests.Site>
{
    private readonly Site _site;

    public DecapConfigTests(Site site) => _site = site;

    public sealed class Site() : BuiltSite(TestProject.RealDossier());

    public static TheoryData<string> Folders() => [.. EditorFolders.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_property_of_the_schema_is_a_field_required_where_the_schema_requires_it(string name)
    {
        var folder = EditorFolders.All.Single(f => f.Name == name);
        var collection = Collections().Single(c => Scalar(c, "name") == name);
        Assert.Equal(folder.Folder, Scalar(collection, "folder"));
        Assert.Equal(folder.Extension, Scalar(collection, "extension"));
        Assert.Equal("true", Scalar(collection, "create"));
        Assert.Equal("{{slug}}", Scalar(collection, "slug"));

        var checkedFields = AssertFieldsMatch(EditorSchemas.Of(folder.Schema), Sequence(collection, "fields"), name, folder.Identifier);
        Assert.Equal("false", Scalar(collection, "delete")); // through GitHub a deletion would be a commit, not a pull request
        Assert.True(checkedFields >= 2, name);
        if (folder.HasBody)
        {
            Assert.Equal("markdown", Scalar(Sequence(collection, "fields").Single(f => Scalar(f, "name") == "body"), "widget"));
        }
    }

    [Fact]
    public void Ids_are_relations_to_their_folder_ratings_come_from_the_site_and_dates_stay_strings()
    {
        var claims = Sequence(Collections().Single(c => Scalar(c, "name") == "claims"), "fields");
        var statement = Sequence(Field(claims, "statement"), "fields");
        Assert.Equal(("relation", "people", "{{slug}}"), Relation(Field(statement, "speaker")));
        Assert.Equal(("relation", "sources", "{{slug}}"), Relation(Field(statement, "source")));
        Assert.Equal(("relation", "articles", "{{slug}}"), Relation(Field(claims, "article")));
        Assert.Equal("true", Scalar(Field(claims, "sources"), "multiple"));
        Assert.Equal(("relation", "people", "{{slug}}"), Relation(Field(Sequence(Field(claims, "counter_statements"), "fields"), "speaker")));

        var site = DossierLoader.Load(_site.Project.Layout).Dossier!.Site;
        var rating = Field(Sequence(Field(claims, "verdict"), "fields"), "rating");
        Assert.Equal("select", Scalar(rating, "widget"));
        Assert.Equal(site.RatingScale.Ratings.Select(r => ((string?)r.Key, (string?)r.Label)), Sequence(rating, "options").Select(o => (Scalar(o, "value"), Scalar(o, "label"))));

        foreach (var date in new[] { Field(claims, "published_on"), Field(statement, "said_on") })
        {
            Assert.Equal("datetime", Scalar(date, "widget"));
            Assert.Equal("YYYY-MM-DD", Scalar(date, "format"));
            Assert.Equal("false", Scalar(date, "time_format"));
        }

        Assert.Equal("markdown", Scalar(Field(Sequence(Field(claims, "verdict"), "fields"), "explanation"), "widget"));
    }

    [Fact]
    public void Passages_left_unchecked_are_a_list_of_quote_and_reason_on_the_article_form_and_a_switch_on_the_page_form()
    {
        var articles = Sequence(Collections().Single(c => Scalar(c, "name") == "articles"), "fields");
        var notChecked = Field(articles, "not_checked");
        Assert.Equal(("list", "false"), (Scalar(notChecked, "widget"), Scalar(notChecked, "required")));
        var fields = Sequence(notChecked, "fields");
        Assert.Equal(["quote", "prefix", "suffix", "occurrence", "reason"], fields.Select(f => Scalar(f, "name")));
        Assert.Equal(("text", "true"), (Scalar(Field(fields, "reason"), "widget"), Scalar(Field(fields, "reason"), "required")));

        var pages = Sequence(Collections().Single(c => Scalar(c, "name") == "pages"), "fields");
        Assert.Equal("boolean", Scalar(Field(pages, "not_checked"), "widget"));
    }

    [Fact]
    public void The_published_editor_opens_a_pull_request_per_entry_on_the_sites_GitHub_repository()
    {
        var config = Config();
        var backend = (YamlMappingNode)config.Children[new YamlScalarNode("backend")];
        Assert.Equal("github", Scalar(backend, "name"));
        Assert.Equal("example/factdossier", Scalar(backend, "repo"));
        Assert.Equal("main", Scalar(backend, "branch"));
        Assert.Equal("editorial_workflow", Scalar(config, "publish_mode"));
        Assert.False(config.Children.ContainsKey(new YamlScalarNode("local_backend"))); // only the preview adds it
        Assert.True(File.Exists(Path.Combine(_site.Output, "admin", "index.html")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "admin", "decap-cms-3.16.3", "decap-cms.js")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "admin", "decap-cms-3.16.3", "LICENSE")));
        // Decap's page loads its script from the site, never from a CDN.
        var page = _site.Page("admin/index.html");
        var links = page.QuerySelectorAll("script[src], link[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.True(File.Exists(Path.GetFullPath(link, Path.Combine(_site.Output, "admin"))), link)); // relative: any base path
    }

    [Fact]
    public void Without_a_GitHub_repository_or_with_the_editor_off_there_is_no_admin_folder()
    {
        using var off = TestProject.RealDossier();
        off.Write("input/site.yml", off.Read("input/site.yml") + "editor:\n  enabled: false\n");
        Assert.True(off.Build().Succeeded);
        Assert.False(Directory.Exists(Path.Combine(off.Output, "admin")));

        using var elsewhere = TestProject.RealDossier();
        elsewhere.Write("input/site.yml", elsewhere.Read("input/site.yml").Replace("https://github.com/example/factdossier", "https://gitlab.com/example/factdossier", StringComparison.Ordinal) + "editor:\n  enabled: true\n");
        var result = elsewhere.Build();
        Assert.True(result.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(elsewhere.Output, "admin")));
        Assert.Contains(result.Diagnostics, d => d.Code.Id == "FD0405" && d.Span.Path == "input/site.yml");
    }

    [Fact]
    public void VS_Code_finds_each_schema_from_the_folder_not_from_a_first_line_comment_the_editor_drops()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".vscode", "settings.json")));
        var schemas = settings.RootElement.GetProperty("yaml.schemas").EnumerateObject().ToDictionary(p => p.Value.GetString()!, p => p.Name);
        foreach (var folder in EditorFolders.All.Where(f => !f.HasBody))
        {
            Assert.Equal($"./schema/{folder.Schema}.schema.json", schemas[$"{folder.Folder}/*.yml"]);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "schema", $"{folder.Schema}.schema.json")));
        }

        Assert.Equal("./schema/site.schema.json", schemas["input/site.yml"]);
    }

    /// <summary>
    /// Each property a field of the same name, required as the schema says (and the field a new entry's file name is
    /// made from), its object's or list's fields in turn; returns how many were checked.
    /// </summary>
    private static int AssertFieldsMatch(JsonElement schema, IReadOnlyList<YamlMappingNode> fields, string where, string? identifier = null)
    {
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
        if (identifier is not null)
        {
            required.Add(identifier);
        }

        var properties = schema.GetProperty("properties").EnumerateObject().Where(p => p.Name != "id").ToList();
        Assert.Equal(properties.Select(p => p.Name), fields.Select(f => Scalar(f, "name")).Where(n => n != "body"));
        var count = 0;
        foreach (var property in properties)
        {
            var field = fields.Single(f => Scalar(f, "name") == property.Name);
            Assert.True(required.Contains(property.Name) == (Scalar(field, "required") == "true"), $"{where}.{property.Name}: required");
            count++;
            var value = property.Value;
            if (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object")
            {
                count += AssertFieldsMatch(value, Sequence(field, "fields"), $"{where}.{property.Name}");
            }
            else if (value.TryGetProperty("items", out var items) && items.TryGetProperty("properties", out _))
            {
                Assert.Equal("list", Scalar(field, "widget"));
                count += AssertFieldsMatch(items, Sequence(field, "fields"), $"{where}.{property.Name}[]");
            }
        }

        return count;
    }

    private YamlMappingNode Config()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(_site.Output, "admin", "config.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private List<YamlMappingNode> Collections() => Sequence(Config(), "collections");

    private static YamlMappingNode Field(IReadOnlyList<YamlMappingNode> fields, string name) => fields.Single(f => Scalar(f, "name") == name);

    private static (string?, string?, string?) Relation(YamlMappingNode field) => (Scalar(field, "widget"), Scalar(field, "collection"), Scalar(field, "value_field"));

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlMappingNode>()];
}
