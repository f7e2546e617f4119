using System.Text.Json;
using System.Text.Json.Nodes;
using FactDossier.Editing;
using FactDossier.Loading;
using FactDossier.Scaffolding;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Scaffolding;

/// <summary>
/// <c>new claim</c> offers the statement's optional fields as the claim schema describes them, so that a field added
/// to the schema is offered to editors with no change to the scaffold.
/// </summary>
public sealed class ClaimScaffoldTests
{
    /// <summary>What anchoring the quote in the article settles: the scaffold checks these and does not offer them.</summary>
    private static readonly string[] SettledByAnchoring = ["prefix", "suffix", "occurrence", "source"];

    [Fact]
    public void Every_optional_statement_property_of_the_schema_is_written_or_offered_but_those_anchoring_settles()
    {
        var dossier = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!;
        var (claim, diagnostics) = ClaimScaffold.Create(dossier, new NewClaimRequest("istanbul-talks-2022-03-31", "Les manoeuvres militaires sur notre territoire"));
        Assert.Empty(diagnostics);
        var lines = claim!.Content.Split('\n');
        var statement = EditorSchemas.Of("claim").GetProperty("properties").GetProperty("statement");

        var properties = statement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("first_appearance", properties);
        foreach (var name in properties.Except(SettledByAnchoring))
        {
            Assert.True(lines.Any(l => l.StartsWith($"  {name}: ", StringComparison.Ordinal) || l.StartsWith($"  # {name}: (optional) ", StringComparison.Ordinal)),
                $"'{name}' is neither written nor offered:\n{claim.Content}");
        }

        Assert.Contains("  # first_appearance: (optional) where these words first appeared (a post, a video, a transcript), not the report that relayed them; only an address you have seen (absolute http(s))", lines);
        Assert.Contains("  # context: (optional) Free text shown under the quote: who really spoke, what came before…", lines);
        Assert.DoesNotContain(lines, l => SettledByAnchoring.Any(s => l.Contains($"# {s}:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_property_added_to_the_schemas_statement_is_offered_by_its_description_and_a_required_one_is_not()
    {
        var schema = JsonNode.Parse(EditorSchemas.Of("claim").GetRawText())!;
        var statement = schema["properties"]!["statement"]!;
        statement["properties"]!["broadcast"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "Optional: the programme that aired these words. Its name as the broadcaster gives it.",
        };
        statement["properties"]!["witness"] = new JsonObject { ["type"] = "string", ["description"] = "Who heard it." };
        statement["required"]!.AsArray().Add("witness");

        var offers = ClaimScaffold.Offers(JsonSerializer.Deserialize<JsonElement>(schema.ToJsonString())).ToList();

        Assert.Equal("  # broadcast: (optional) the programme that aired these words\n", offers[^1]);
        Assert.DoesNotContain(offers, o => o.Contains("witness", StringComparison.Ordinal));
        Assert.Equal(ClaimScaffold.Offers(EditorSchemas.Of("claim")), offers[..^1]);
    }
}
