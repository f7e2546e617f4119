using System.Globalization;
using System.Text.Json;
using FactDossier.Model;
using YamlDotNet.Serialization;

namespace FactDossier.Editing;

/// <summary>
/// The editor's <c>admin/config.yml</c>, made from the schemas in <c>schema/</c> (embedded in the tool) and the site
/// settings: a collection per folder of <c>input/</c>, a form field per schema property, with the widget its type
/// asks for — ids of people, sources and articles as searchable relations, ratings from the site's scale, dates as
/// YYYY-MM-DD strings, Markdown where the schema says Markdown. What the forms cannot say (one field required with
/// another), the build's own checks report on the pull request.
/// </summary>
public static class DecapConfig
{
    /// <summary>Fields that hold a sentence or more: a text area rather than one line.</summary>
    private static readonly HashSet<string> LongText = new(StringComparer.Ordinal)
    {
        "quote", "translation", "context", "text", "summary", "note", "what", "publisher_note", "description", "reason",
    };

    /// <param name="preview">For the preview's editor, whose back end can also write an article's text to seeds/
    /// (<see cref="ArticleTextEntry"/>); the published editor commits through GitHub, one entry file per pull request.</param>
    public static string Yaml(SiteSettings site, bool preview = false)
    {
        var repository = site.Repository!;
        var backend = new OrderedDictionary<string, object?>
        {
            ["name"] = "github",
            ["repo"] = repository.GitHubName,
            ["branch"] = repository.Branch,
        };
        if (site.Editor.OAuthUrl is { } oauth)
        {
            backend["base_url"] = oauth.AbsoluteUri.TrimEnd('/');
        }

        if (site.Editor.AuthEndpoint is { } endpoint)
        {
            backend["auth_endpoint"] = endpoint;
        }

        var config = new OrderedDictionary<string, object?>
        {
            ["backend"] = backend,
            // One pull request per entry: the repository's checks annotate it before anything is published.
            ["publish_mode"] = "editorial_workflow",
            ["media_folder"] = "input/media",
            ["public_folder"] = "/media",
            ["locale"] = site.Language,
            ["slug"] = new OrderedDictionary<string, object?> { ["encoding"] = "ascii", ["clean_accents"] = true, ["sanitize_replacement"] = "-" },
        };
        if (site.BaseUrl is { } url)
        {
            config["site_url"] = url.AbsoluteUri;
        }

        config["collections"] = EditorFolders.All.Select(c => Collection(c, site, preview)).ToList();
        return "# Made by FactDossier from schema/ and input/site.yml: change those, not this file.\n" + Serializer.Serialize(config);
    }

    private static readonly ISerializer Serializer = new SerializerBuilder().Build();

    private static OrderedDictionary<string, object?> Collection(EditorFolder collection, SiteSettings site, bool preview)
    {
        var schema = EditorSchemas.Of(collection.Schema);
        var fields = Fields(schema, site);
        // A new entry's file name is made from this field: the form cannot go without it.
        fields.Single(f => (string?)f["name"] == collection.Identifier)["required"] = true;
        if (collection.HasBody)
        {
            fields.Add(new OrderedDictionary<string, object?> { ["name"] = "body", ["label"] = "Text", ["widget"] = "markdown", ["required"] = true });
        }

        if (preview && collection.Name == "articles")
        {
            var seed = fields.Single(f => (string?)f["name"] == "seed");
            seed["required"] = false; // the back end fills it in from the pasted text
            seed["hint"] = ArticleTextEntry.SeedHint;
            fields.Add(ArticleTextEntry.FormField());
        }

        return new OrderedDictionary<string, object?>
        {
            ["name"] = collection.Name,
            ["label"] = collection.Label,
            ["label_singular"] = collection.Singular,
            ["description"] = Text(schema, "description") ?? collection.Label,
            ["folder"] = collection.Folder,
            ["extension"] = collection.Extension,
            ["format"] = collection.HasBody ? "frontmatter" : "yml",
            ["create"] = true,
            // A deletion through GitHub is a commit on the branch, not a pull request: files are removed by pull request.
            ["delete"] = false,
            ["identifier_field"] = collection.Identifier,
            ["slug"] = "{{slug}}",
            ["summary"] = collection.Summary,
            ["sortable_fields"] = new[] { collection.Identifier },
            ["fields"] = fields,
        };
    }

    /// <summary>The form fields of an object's properties, in the schema's order; the id is the file name, not a field.</summary>
    private static List<OrderedDictionary<string, object?>> Fields(JsonElement schema, SiteSettings site)
    {
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        return [.. schema.GetProperty("properties").EnumerateObject()
            .Where(p => p.Name != "id")
            .Select(p => Field(p.Name, p.Value, required.Contains(p.Name), site))];
    }

    private static OrderedDictionary<string, object?> Field(string name, JsonElement schema, bool required, SiteSettings site)
    {
        var description = Text(schema, "description");
        var field = new OrderedDictionary<string, object?> { ["name"] = name, ["label"] = Label(name) };
        Widget(field, name, Alternative(schema), description, site);
        field["required"] = required;
        if (description is not null)
        {
            field["hint"] = description;
        }

        return field;
    }

    /// <summary>The widget for a value of the schema, by its type: select, object, list, number, boolean, relation, date or text.</summary>
    private static void Widget(OrderedDictionary<string, object?> field, string name, JsonElement value, string? description, SiteSettings site)
    {
        var referenced = EditorFolders.ReferencedBy(description);
        var type = TypeOf(value);
        if (name == "rating")
        {
            field["widget"] = "select";
            field["options"] = site.RatingScale.Ratings.Select(r => new OrderedDictionary<string, object?> { ["label"] = r.Label, ["value"] = r.Key }).ToList();
        }
        else if (value.TryGetProperty("enum", out var options))
        {
            field["widget"] = "select";
            field["options"] = options.EnumerateArray().Select(o => o.GetString()).ToList();
        }
        else if (type == "object")
        {
            field["widget"] = "object";
            field["collapsed"] = false;
            field["fields"] = Fields(value, site);
        }
        else if (type == "array")
        {
            ListWidget(field, name, value.GetProperty("items"), referenced, site);
        }
        else if (type == "integer")
        {
            field["widget"] = "number";
            field["value_type"] = "int";
            if (value.TryGetProperty("minimum", out var minimum))
            {
                field["min"] = minimum.GetInt32();
            }
        }
        else if (type == "boolean")
        {
            field["widget"] = "boolean";
        }
        else if (referenced is not null)
        {
            Relation(field, referenced);
        }
        else if (Text(value, "format") == "date")
        {
            // A date stays the YYYY-MM-DD string the loader reads, whatever the editor's time zone.
            field["widget"] = "datetime";
            field["format"] = "YYYY-MM-DD";
            field["date_format"] = "YYYY-MM-DD";
            field["time_format"] = false;
            field["picker_utc"] = true;
        }
        else
        {
            TextWidget(field, name, value, description);
        }
    }

    /// <summary>A list: of objects (a form each), of references (a relation to many), or of plain values.</summary>
    private static void ListWidget(OrderedDictionary<string, object?> field, string name, JsonElement items, EditorFolder? referenced, SiteSettings site)
    {
        if (TypeOf(items) == "object")
        {
            field["widget"] = "list";
            field["collapsed"] = false;
            field["fields"] = Fields(items, site);
        }
        else if (referenced is not null)
        {
            Relation(field, referenced);
            field["multiple"] = true;
        }
        else
        {
            field["widget"] = "list";
            field["field"] = Field(Singular(name), items, required: true, site);
        }
    }

    /// <summary>Text: Markdown (said so in its description), a long text, or a line; with the schema's pattern.</summary>
    private static void TextWidget(OrderedDictionary<string, object?> field, string name, JsonElement value, string? description)
    {
        field["widget"] = description?.Contains("Markdown", StringComparison.Ordinal) == true ? "markdown"
            : LongText.Contains(name) ? "text"
            : "string";
        if (field["widget"] is "markdown")
        {
            field["buttons"] = new[] { "bold", "italic", "link", "bulleted-list", "numbered-list", "quote" };
            field["editor_components"] = Array.Empty<string>();
        }

        if (Pattern(value) is { } pattern)
        {
            field["pattern"] = pattern;
        }
    }

    private static void Relation(OrderedDictionary<string, object?> field, EditorFolder collection)
    {
        field["widget"] = "relation";
        field["collection"] = collection.Name;
        field["value_field"] = "{{slug}}";
        field["search_fields"] = collection.Shown.ToArray(); // a copy: a shared list would be written as a YAML alias
        field["display_fields"] = new[] { collection.Identifier };
    }

    /// <summary>A string's rule as the form checks it: [regular expression, what to write].</summary>
    private static string[]? Pattern(JsonElement value)
    {
        if (Text(value, "format") == "uri")
        {
            return ["^https?://\\S+$", "an address starting with https://"];
        }

        var max = value.TryGetProperty("maxLength", out var m) ? m.GetInt32() : (int?)null;
        return Text(value, "pattern") switch
        {
            "^[a-z0-9]+(-[a-z0-9]+)*$" => ["^[a-z0-9]+(-[a-z0-9]+)*$", "lowercase letters and digits, words joined by hyphens"],
            "\\S" when max is { } most => [$"^(?=[\\s\\S]*\\S)[\\s\\S]{{1,{most.ToString(CultureInfo.InvariantCulture)}}}$", $"at most {most.ToString(CultureInfo.InvariantCulture)} characters"],
            "\\S" => ["\\S", "not only spaces"],
            { } other => [other, "the form the schema asks for"],
            null => null,
        };
    }

    /// <summary>The value a field takes when filled: of "a date, or TODO …", the date.</summary>
    private static JsonElement Alternative(JsonElement schema) =>
        schema.TryGetProperty("anyOf", out var options)
            ? options.EnumerateArray().FirstOrDefault(o => Text(o, "pattern") != "^TODO", schema)
            : schema;

    private static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? null
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")
        : type.GetString();

    private static string? Text(JsonElement schema, string property) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Label(string name) => char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ');

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
