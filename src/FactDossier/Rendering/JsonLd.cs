using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace FactDossier.Rendering;

/// <summary>
/// JSON for pages and files. The encoder escapes &lt; &gt; &amp; and quotes as \u003C…, so no value can close a
/// <c>&lt;script&gt;</c> element or open a comment inside it.
/// </summary>
public static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);
}
