using System.Text;
using FactDossier.Editing;
using FactDossier.Loading.Yaml;

namespace FactDossier.Scaffolding;

/// <summary>One file <c>new dossier</c> writes: its path from the new dossier's root, and its bytes.</summary>
public sealed record ScaffoldedFile(string RelativePath, byte[] Bytes);

/// <summary>
/// The files of a new dossier but its theme: settings with the starter rating scale and <c>TODO</c> where only a
/// person can answer, a methodology page to edit, the schemas, the editors' and Git's settings and the two workflows.
/// The texts are the files of <c>Scaffolding/Starter/</c>, embedded in the tool; the schemas are the tool's own
/// (<see cref="EditorSchemas"/>), so that a new dossier is checked and edited by the schemas it was made with.
/// </summary>
public static class DossierScaffold
{
    public static readonly string[] Languages = ["en", "fr"];

    /// <summary>Folders a new dossier starts with empty: Git keeps them by a <c>.gitkeep</c>.</summary>
    public static readonly string[] EmptyFolders = ["input/articles", "input/claims", "input/people", "input/sources", "seeds"];

    /// <param name="title">The dossier's title, or null for a TODO.</param>
    /// <param name="language">en or fr (<see cref="Languages"/>).</param>
    public static IReadOnlyList<ScaffoldedFile> Files(string? title, string language)
    {
        var titleYaml = title is null
            ? YamlText.Quote(language == "fr" ? "TODO: le titre du dossier" : "TODO: the dossier's title")
            : YamlText.Quote(title);
        return
        [
            Text("input/site.yml", Starter($"site-{language}.yml").Replace("{title}", titleYaml, StringComparison.Ordinal)),
            Text("input/pages/methodology.md", Starter($"methodology-{language}.md")),
            Text(".gitignore", Starter("gitignore")),
            Text(".vscode/settings.json", Starter("vscode-settings.json")),
            Text(".github/workflows/check.yml", Starter("check.yml")),
            Text(".github/workflows/pages.yml", Starter("pages.yml")),
            Text("README.md", Starter("README.md")),
            .. EmptyFolders.Select(f => new ScaffoldedFile($"{f}/.gitkeep", [])),
            .. EditorSchemas.Files().Select(s => new ScaffoldedFile("schema/" + s.FileName, s.Bytes)),
        ];
    }

    private static ScaffoldedFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    private static string Starter(string name)
    {
        using var stream = typeof(DossierScaffold).Assembly.GetManifestResourceStream("starter/" + name)
            ?? throw new InvalidOperationException($"Scaffolding/Starter/{name} is not embedded in the tool");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
