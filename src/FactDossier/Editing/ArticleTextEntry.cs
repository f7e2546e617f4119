using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactDossier.Editing;

/// <summary>
/// "New article" in the preview's editor: its form has, besides the article schema's fields, a text area for the
/// article's text (<see cref="Field"/>), which is no field of the article file. The preview's back end takes it out of
/// the entry before writing it, writes it to <c>seeds/&lt;id&gt;.txt</c> and names that file in <c>seed:</c>. Decap writes
/// an entry as a block mapping, one key a line: the entry's other lines are kept as they came.
/// </summary>
public static class ArticleTextEntry
{
    public const string Field = "text";

    /// <summary>The entry as it is written, and the text for the seed when it has one.</summary>
    public sealed record Taken(string Yaml, string? Text);

    /// <summary>The form's field: what the preview's configuration adds to the articles' form.</summary>
    public static OrderedDictionary<string, object?> FormField() => new()
    {
        ["name"] = Field,
        ["label"] = "Text",
        ["widget"] = "text",
        ["required"] = false,
        ["hint"] = "For a new article: paste its text, one paragraph per line, as published. Saving writes it to seeds/<file name>.txt, " +
            "which is then the article's seed; a seed is never written over (change a text in a pull request).",
    };

    /// <summary>The seed field's hint in the preview, where it may be left empty.</summary>
    public const string SeedHint = "Path of its text from the project root, e.g. seeds/000_dbebddd803e38d0a.txt; leave it empty when you paste the text below.";

    /// <summary>The entry without its text, which becomes <c>seeds/&lt;id&gt;.txt</c>; or why it cannot be written.</summary>
    public static (Taken? Taken, string? Refusal) Take(string raw, string id)
    {
        List<(string Key, int Start, string? Value)> entries;
        try
        {
            entries = TopLevel(raw);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException) // YamlDotNet's scanner throws both
        {
            return (null, $"the entry is not YAML the editor writes: {e.Message}");
        }

        var text = entries.FirstOrDefault(e => e.Key == Field);
        if (text.Key is null || string.IsNullOrWhiteSpace(text.Value))
        {
            return text.Key is null ? (new Taken(raw, null), null) : (new Taken(Without(raw, entries, [Field]), null), null);
        }

        var seed = $"seeds/{id}.txt";
        var given = entries.FirstOrDefault(e => e.Key == "seed").Value?.Trim();
        if (!string.IsNullOrEmpty(given) && given != seed)
        {
            return (null, $"a pasted text is written to {seed}: leave 'Seed' empty, or write that path (not '{given}')");
        }

        var yaml = Without(raw, entries, [Field, "seed"]);
        return (new Taken(yaml + (yaml.Length == 0 || yaml.EndsWith('\n') ? "" : "\n") + $"seed: {seed}\n", text.Value), null);
    }

    /// <summary>Each top-level key, where its line starts and its value when it is text.</summary>
    private static List<(string Key, int Start, string? Value)> TopLevel(string raw)
    {
        var entries = new List<(string, int, string?)>();
        var parser = new Parser(new StringReader(raw));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
        {
            return entries;
        }

        if (parser.Consume<MappingStart>().Style == MappingStyle.Flow)
        {
            throw new YamlException("a block mapping, one field a line, was expected");
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            var value = parser.TryConsume<Scalar>(out var scalar) ? scalar.Value : null;
            if (scalar is null)
            {
                parser.SkipThisAndNestedEvents();
            }

            entries.Add((key.Value, LineStart(raw, (int)key.Start.Index), value));
        }

        return entries;
    }

    /// <summary>The text without the named entries: each from its key's line to the next key's line, or to the end.</summary>
    private static string Without(string raw, List<(string Key, int Start, string? Value)> entries, string[] keys)
    {
        var kept = new StringBuilder();
        var from = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (keys.Contains(entries[i].Key))
            {
                kept.Append(raw, from, entries[i].Start - from);
                from = i + 1 < entries.Count ? entries[i + 1].Start : raw.Length;
            }
        }

        return kept.Append(raw, from, raw.Length - from).ToString();
    }

    private static int LineStart(string raw, int at) => at == 0 ? 0 : raw.LastIndexOf('\n', at - 1) + 1;
}
