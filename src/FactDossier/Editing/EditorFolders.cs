namespace FactDossier.Editing;

/// <summary>
/// What the editor edits (a Decap "collection"): one folder of <c>input/</c> per kind of file, each described by its schema in <c>schema/</c>.
/// The file name is the id; a new entry's is made from its <paramref name="Identifier"/> field.
/// </summary>
/// <param name="Folder">The folder, from the project root, as the editor writes paths.</param>
/// <param name="Shown">The fields an entry is listed and searched by.</param>
public sealed record EditorFolder(string Name, string Label, string Folder, string Schema, string Extension, string Identifier, IReadOnlyList<string> Shown)
{
    /// <summary>One entry, as the editor's buttons name it ("New Article").</summary>
    public string Singular => Name switch { "people" => "Person", _ => Label[..^1] };

    /// <summary>Markdown pages: front matter then a body.</summary>
    public bool HasBody => Extension == "md";

    /// <summary>How the editor's lists show an entry (Decap's <c>summary</c>).</summary>
    public string Summary => string.Join(": ", Shown.Select(f => "{{" + f + "}}"));
}

public static class EditorFolders
{
    public static IReadOnlyList<EditorFolder> All { get; } =
    [
        new("claims", "Claims", "input/claims", "claim", "yml", "headline", ["headline"]),
        new("people", "People", "input/people", "person", "yml", "name", ["name"]),
        new("sources", "Sources", "input/sources", "source", "yml", "title", ["publisher", "title"]),
        new("articles", "Articles", "input/articles", "article", "yml", "title", ["title"]),
        new("pages", "Pages", "input/pages", "page", "md", "title", ["title"]),
    ];

    /// <summary>The collection a field's ids point to, read from its description ("the id of a file in input/people/").</summary>
    public static EditorFolder? ReferencedBy(string? description) =>
        description is null ? null : All.Where(c => !c.HasBody).FirstOrDefault(c => description.Contains($"{c.Folder}/", StringComparison.Ordinal));
}
