using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;

namespace FactDossier.Tests.Support;

/// <summary>
/// YAML to JSON as an editor's schema-aware tools see it (YAML 1.2 core schema: plain true/false, integers and
/// nulls are typed; everything else is a string), so a JSON Schema can judge an input file.
/// </summary>
public static partial class YamlJson
{
    /// <summary>The JSON of a YAML file, or null with the reasons when the YAML itself is wrong (syntax, duplicate keys).</summary>
    public static JsonNode? Convert(string yaml, out IReadOnlyList<Diagnostic> problems)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, "file.yml", diagnostics);
        problems = diagnostics.ToSortedList();
        return diagnostics.HasErrors || root is null ? null : ToJson(root);
    }

    private static JsonNode? ToJson(YamlValue value) => value switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Text, ToJson(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true, Text: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YamlScalar { IsPlain: true, Text: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YamlScalar { IsPlain: true } s when Integer().IsMatch(s.Text) => JsonValue.Create(long.Parse(s.Text, CultureInfo.InvariantCulture)),
        YamlScalar s => JsonValue.Create(s.Text),
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();
}
