using System.Collections.Frozen;
using System.Text.Json;

namespace FactDossier.Editing;

/// <summary>The schemas of <c>schema/</c>, embedded in the tool when it is built (FactDossier.csproj).</summary>
public static class EditorSchemas
{
    private const string Prefix = "schema/";
    private const string Suffix = ".schema.json";

    private static readonly FrozenDictionary<string, JsonElement> All = typeof(EditorSchemas).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..^Suffix.Length], n =>
        {
            using var stream = typeof(EditorSchemas).Assembly.GetManifestResourceStream(n)!;
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.Clone();
        }, StringComparer.Ordinal);

    /// <param name="name">claim, person, source, article, page or site.</param>
    public static JsonElement Of(string name) =>
        All.TryGetValue(name, out var schema) ? schema : throw new InvalidOperationException($"schema/{name}{Suffix} is not embedded in the tool");
}
