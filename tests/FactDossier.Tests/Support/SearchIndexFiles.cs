using System.Text.Json.Nodes;

namespace FactDossier.Tests.Support;

/// <summary>How the search index's files are read, as <c>theme/assets/site.js</c> reads them.</summary>
public static class SearchIndexFiles
{
    /// <summary>A list of claim numbers as the index writes it: gaps (an array) or a bitmap (a base64 string).</summary>
    public static List<int> Claims(JsonNode list)
    {
        if (list is JsonValue bitmap)
        {
            var bytes = Convert.FromBase64String(bitmap.GetValue<string>());
            return Enumerable.Range(0, bytes.Length * 8).Where(n => (bytes[n / 8] & (1 << (n % 8))) != 0).ToList();
        }

        var doc = 0;
        return list.AsArray().Select(g => doc += g!.GetValue<int>()).ToList();
    }
}
