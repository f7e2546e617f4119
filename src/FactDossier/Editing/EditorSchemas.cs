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

    /// <summary>Every schema as the file of <c>schema/</c> it was embedded from, in order of name: what <c>new dossier</c> copies.</summary>
    public static IEnumerable<(string FileName, byte[] Bytes)> Files() =>
        typeof(EditorSchemas).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = typeof(EditorSchemas).Assembly.GetManifestResourceStream(n)!;
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                return (n[Prefix.Length..], bytes.ToArray());
            });

    /// <param name="name">claim, person, source, article, page or site.</param>
    public static JsonElement Of(string name) =>
        All.TryGetValue(name, out var schema) ? schema : throw new InvalidOperationException($"schema/{name}{Suffix} is not embedded in the tool");
}
