using System.Text.Json;
using System.Text.Json.Nodes;
using FactDossier.Loading;
using FactDossier.Tests.Support;
using Json.Schema;

namespace FactDossier.Tests.Validation;

/// <summary>
/// The JSON schemas editors get autocompletion from (schema/) and the loader must agree: what one accepts the other
/// accepts, what one rejects the other rejects, and they know the same fields.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly Dictionary<string, JsonSchema> Schemas = new[] { "claim", "person", "source", "article", "site", "page" }
        .ToDictionary(kind => kind, kind => JsonSchema.FromText(File.ReadAllText(SchemaPath(kind)), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static string SchemaPath(string kind) => Path.Combine(RepositoryPaths.Root, "schema", $"{kind}.schema.json");

    private static string KindOf(string inputRelativePath) => inputRelativePath.Split('/')[0] switch
    {
        "site.yml" or "site" => "site",
        "claims" => "claim",
        "people" => "person",
        "sources" => "source",
        "articles" => "article",
        var other => throw new ArgumentException(other),
    };

    /// <summary>Schema errors as "path: keyword: message" lines; none means valid.</summary>
    private static List<string> SchemaErrors(string kind, string yaml)
    {
        var json = YamlJson.Convert(yaml, out var yamlProblems);
        if (json is null)
        {
            return [.. yamlProblems.Select(p => $"YAML: {p.Message}")];
        }

        var result = Schemas[kind].Evaluate(JsonDocument.Parse(json.ToJsonString()).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    public static TheoryData<string> RealInputFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "input"), "*.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "input"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> ValidFixtureFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Fixtures, "minimal", "input"), "*.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryPaths.Fixtures, "minimal", "input"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> InvalidFixtureFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Fixtures, "invalid"), "*.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryPaths.Fixtures, "invalid"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RealInputFiles))]
    public void Every_file_of_the_real_input_is_valid_for_its_schema_and_names_it(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "input", file));
        var kind = KindOf(file);

        Assert.Empty(SchemaErrors(kind, text));
        var firstLine = text[..text.IndexOf('\n', StringComparison.Ordinal)];
        var schemaRef = firstLine.Replace("# yaml-language-server: $schema=", "", StringComparison.Ordinal);
        Assert.NotEqual(firstLine, schemaRef);
        Assert.Equal(Path.GetFullPath(SchemaPath(kind)), Path.GetFullPath(schemaRef, Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, "input", file))!));
    }

    [Fact]
    public void The_real_input_loads_without_a_diagnostic() =>
        Assert.Empty(DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Diagnostics);

    [Theory]
    [MemberData(nameof(ValidFixtureFiles))]
    public void Every_valid_fixture_is_valid_for_its_schema(string file) =>
        Assert.Empty(SchemaErrors(KindOf(file), File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "minimal", "input", file))));

    [Theory]
    [MemberData(nameof(InvalidFixtureFiles))]
    public void Every_invalid_fixture_is_rejected_by_the_schema_and_by_the_loader(string fixture)
    {
        var schemaErrors = SchemaErrors(KindOf(fixture), File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "invalid", fixture)));
        using var project = TestProject.Minimal();
        if (fixture.StartsWith("site/", StringComparison.Ordinal))
        {
            File.Copy(TestProject.InvalidFixture(fixture), project.PathOf("input/site.yml"), overwrite: true);
        }
        else
        {
            project.UseInvalidFixture(fixture);
        }

        var loaderErrors = project.Errors();

        Assert.True(schemaErrors.Count > 0, $"{fixture}: the loader rejects it ({string.Join("; ", loaderErrors.Select(e => e.Message))}) but the schema accepts it");
        Assert.True(loaderErrors.Count > 0, $"{fixture}: the schema rejects it ({string.Join("; ", schemaErrors)}) but the loader accepts it");
    }

    [Fact]
    public void A_claim_written_by_new_claim_is_valid_for_the_schema()
    {
        var dossier = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!;
        var (claim, _) = FactDossier.Scaffolding.ClaimScaffold.Create(dossier,
            new FactDossier.Scaffolding.NewClaimRequest("istanbul-talks-2022-03-31", "ne se retirent pas mais se repositionnent"));

        Assert.Empty(SchemaErrors("claim", claim!.Content));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void The_settings_new_dossier_writes_and_the_article_new_article_writes_are_valid_for_their_schemas(string language)
    {
        var site = FactDossier.Scaffolding.DossierScaffold.Files(null, language).Single(f => f.RelativePath == "input/site.yml");

        Assert.Empty(SchemaErrors("site", System.Text.Encoding.UTF8.GetString(site.Bytes)));
        Assert.Empty(SchemaErrors("article", File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "real-article", "ghanaweb-2022-10-14.yml"))));
    }

    [Theory]
    [InlineData("claim", "")]
    [InlineData("claim", "statement")]
    [InlineData("claim", "counter_statements")]
    [InlineData("claim", "verdict")]
    [InlineData("claim", "corrections")]
    [InlineData("person", "")]
    [InlineData("source", "")]
    [InlineData("article", "")]
    [InlineData("article", "not_checked")]
    [InlineData("site", "")]
    [InlineData("site", "publisher")]
    [InlineData("site", "repository")]
    [InlineData("site", "rating_scale")]
    [InlineData("site", "pagination")]
    [InlineData("page", "")]
    public void Schema_and_loader_know_the_same_fields(string kind, string block)
    {
        var loaderFields = (kind, block) switch
        {
            ("claim", "") => ClaimLoader.Fields,
            ("claim", "statement") => ClaimLoader.StatementFields,
            ("claim", "counter_statements") => ClaimLoader.CounterStatementFields,
            ("claim", "verdict") => ClaimLoader.VerdictFields,
            ("claim", "corrections") => ClaimLoader.CorrectionFields,
            ("person", _) => PersonLoader.Fields,
            ("source", _) => SourceLoader.Fields,
            ("article", "not_checked") => ArticleLoader.NotCheckedFields,
            ("article", _) => ArticleLoader.Fields,
            ("site", "") => SiteLoader.Fields,
            ("site", "publisher") => SiteLoader.PublisherFields,
            ("site", "repository") => SiteLoader.RepositoryFields,
            ("site", "rating_scale") => SiteLoader.RatingFields,
            ("site", "pagination") => SiteLoader.PaginationFields,
            ("page", _) => PageLoader.Fields,
            _ => throw new ArgumentException(kind),
        };
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath(kind)))!;
        var node = block.Length == 0 ? schema : schema["properties"]![block]!;
        node = node["items"] ?? node;
        var schemaFields = node["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(loaderFields.Order(StringComparer.Ordinal), schemaFields.Order(StringComparer.Ordinal));
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
        Assert.All(node["properties"]!.AsObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value!["description"]?.GetValue<string>()), $"{kind}.{block}.{p.Key} has no description"));
    }

    [Fact]
    public void The_claim_schema_offers_exactly_the_rating_keys_of_the_site_settings()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath("claim")))!;
        var offered = schema["properties"]!["verdict"]!["properties"]!["rating"]!["anyOf"]![0]!["enum"]!.AsArray().Select(k => k!.GetValue<string>());
        var site = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!.Site;

        Assert.Equal(site.RatingScale.Ratings.Select(r => r.Key), offered);
    }
}
