using System.Text;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Scaffolding;

namespace FactDossier.Cli;

/// <summary>
/// <c>new article</c>: read the text (strict UTF-8), load the dossier, scaffold the metadata, then copy the text's
/// bytes into <c>seeds/</c> and write the metadata, each only where no file exists yet.
/// </summary>
public static class NewArticleCommand
{
    /// <param name="Written">The seed and the metadata file, from the project root; empty when nothing was written.</param>
    public sealed record Outcome(string? Id, IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Diagnostics);

    public static Outcome Run(InputLayout layout, NewArticleRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var bytes = ReadText(request.TextPath, diagnostics);
        var loaded = DossierLoader.Load(layout);
        if (loaded.Dossier is not { } dossier)
        {
            diagnostics.AddRange(loaded.Diagnostics);
            return new Outcome(null, [], diagnostics.ToSortedList());
        }

        var (article, problems) = ArticleScaffold.Create(dossier, request);
        diagnostics.AddRange(problems);
        var id = ArticleScaffold.IdFor(request);
        if (Text.Slug.IsValid(id))
        {
            Existing(layout, id, request, alreadyLoaded: dossier.Articles.Any(a => a.Id == id), diagnostics);
        }

        if (diagnostics.HasErrors || article is null || bytes is null)
        {
            return new Outcome(null, [], diagnostics.ToSortedList());
        }

        return Write(layout, article, bytes, diagnostics);
    }

    /// <summary>The text's bytes, if they are UTF-8 text with something in it; else why not, positioned in the file.</summary>
    private static byte[]? ReadText(string path, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCode.MissingFile, new SourceSpan("--text", 1, 1),
                File.Exists(path) ? $"cannot read '{path}': {e.Message}" : $"the file '{path}' does not exist",
                "give the path of the article's text, saved as UTF-8 text (.txt), from the current folder");
            return null;
        }

        if (TextFileReader.Decode(bytes, path, diagnostics) is not { } text)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticCode.EmptyValue, SourceSpan.StartOf(path), "the text is empty", "save the article's text in the file, one paragraph per line");
            return null;
        }

        diagnostics.AddRange(ArticleTextAdvice.Check(text, path));
        return bytes;
    }

    /// <summary>Files already there: an article file is an id taken (as for <c>new claim</c>), a seed is never written over.</summary>
    /// <param name="alreadyLoaded">Whether the scaffold reported the id as taken: a file that did not load is found here.</param>
    private static void Existing(InputLayout layout, string id, NewArticleRequest request, bool alreadyLoaded, DiagnosticBag diagnostics)
    {
        var option = new SourceSpan(request.Id is null ? "--title" : "--id", 1, 1);
        var metadata = layout.Display(MetadataFile(layout, id));
        if (!alreadyLoaded && File.Exists(MetadataFile(layout, id)))
        {
            diagnostics.Add(DiagnosticCode.DuplicateId, option, $"{metadata} already exists; it is not overwritten", "choose another id with --id");
        }

        var seed = ArticleScaffold.SeedPath(id);
        if (File.Exists(layout.FromRoot(seed)))
        {
            diagnostics.Add(DiagnosticCode.TargetExists, option, $"{seed} already exists; it is not overwritten",
                "choose another id with --id, or remove the file if no article uses it");
        }
    }

    private static Outcome Write(InputLayout layout, ScaffoldedArticle article, byte[] bytes, DiagnosticBag diagnostics)
    {
        var seed = layout.FromRoot(article.SeedPath);
        var metadata = MetadataFile(layout, article.Id);
        var written = new List<string>();
        try
        {
            Create(seed, bytes, written);
            Create(metadata, new UTF8Encoding(false).GetBytes(article.Content), written);
            return new Outcome(article.Id, [layout.Display(seed), layout.Display(metadata)], diagnostics.ToSortedList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            written.ForEach(File.Delete); // both files or neither
            diagnostics.Add(DiagnosticCode.OutputNotWritable, SourceSpan.StartOf(layout.Display(written.Count == 0 ? seed : metadata)),
                $"the article could not be written: {e.Message}", "nothing was written; check that no file took its place meanwhile, and the folder's permissions");
            return new Outcome(null, [], diagnostics.ToSortedList());
        }
    }

    /// <summary>Where the article's metadata goes: in the input folder's articles/ (--input may move it).</summary>
    private static string MetadataFile(InputLayout layout, string id) => Path.Combine(layout.Input, "articles", id + ".yml");

    /// <summary>Writes a new file; one that exists (even one created since it was looked for) is never opened.</summary>
    private static void Create(string path, byte[] bytes, List<string> written)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            written.Add(path);
            file.Write(bytes);
        }
    }
}
