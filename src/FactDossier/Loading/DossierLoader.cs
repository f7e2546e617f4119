using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

public sealed record LoadResult(Dossier? Dossier, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// The Load stage: reads <c>input/</c> and the seed files into an immutable <see cref="Dossier"/>. This is the only
/// stage that reads the disk; everything it finds wrong becomes a diagnostic with the editor's line and column.
/// </summary>
public static class DossierLoader
{
    public static LoadResult Load(InputLayout layout, IFileEnumerator? files = null)
    {
        files ??= IFileEnumerator.Sorted;
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(layout.Input))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(layout.Display(layout.Input)),
                "the input folder does not exist", "run from the project root or pass --root / --input");
            return new LoadResult(null, diagnostics.ToSortedList());
        }

        var site = ReadSite(layout, diagnostics);
        if (site is null && !diagnostics.HasErrors)
        {
            // Only TODOs kept the settings from loading: without them there is no site to build.
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(layout.Display(layout.SiteFile)), "the site settings are incomplete",
                "fill in the TODOs of input/site.yml");
        }

        var articles = ReadAll(layout, files, "articles", "*.yml", diagnostics, ArticleLoader.Read)
            .Select(a => ReadSeed(a, layout, diagnostics)).OfType<Article>();
        var people = ReadAll(layout, files, "people", "*.yml", diagnostics, PersonLoader.Read);
        var sources = ReadAll(layout, files, "sources", "*.yml", diagnostics, SourceLoader.Read);
        var claims = ReadAll(layout, files, "claims", "*.yml", diagnostics, ClaimLoader.Read);
        var pages = ReadFiles(layout, files, "pages", "*.md", diagnostics)
            .Select(p => PageLoader.Read(p.Text, p.Path, diagnostics)).OfType<MarkdownPage>();

        var dossier = site is null
            ? null
            : new Dossier(site,
                [.. articles.OrderBy(a => a.Id, StringComparer.Ordinal)],
                [.. people.OrderBy(p => p.Id, StringComparer.Ordinal)],
                [.. sources.OrderBy(s => s.Id, StringComparer.Ordinal)],
                [.. claims.OrderBy(c => c.Id, StringComparer.Ordinal)],
                [.. pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal)]);
        return new LoadResult(dossier, diagnostics.ToSortedList());
    }

    private static SiteSettings? ReadSite(InputLayout layout, DiagnosticBag diagnostics)
    {
        var path = layout.Display(layout.SiteFile);
        if (!File.Exists(layout.SiteFile))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(path), "the site settings file is missing",
                "create input/site.yml with title, language, publisher and rating_scale");
            return null;
        }

        var text = TextFileReader.Read(layout.SiteFile, path, diagnostics);
        return text is null ? null : ReadYaml(text, path, diagnostics, SiteLoader.Read);
    }

    private static Article? ReadSeed(ArticleMetadata metadata, InputLayout layout, DiagnosticBag diagnostics)
    {
        var fullPath = layout.FromRoot(metadata.Seed.Value);
        if (!File.Exists(fullPath))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, metadata.Seed.Span, $"the seed file '{metadata.Seed.Value}' does not exist",
                "give the path from the project root, e.g. 'seeds/000_dbebddd803e38d0a.txt'");
            return null;
        }

        var text = TextFileReader.Read(fullPath, layout.Display(fullPath), diagnostics);
        return text is null ? null : metadata.WithText(ArticleTextParser.Parse(text, metadata.Intertitles));
    }

    /// <summary>
    /// Reads every file of a folder, in parallel: each file gets its own diagnostics, merged afterwards, so the result
    /// does not depend on which thread finished first.
    /// </summary>
    private static List<T> ReadAll<T>(InputLayout layout, IFileEnumerator files, string folder, string pattern, DiagnosticBag diagnostics,
        Func<YamlValue?, string, DiagnosticBag, T?> read)
        where T : class
    {
        var directory = Path.Combine(layout.Input, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var paths = files.Enumerate(directory, pattern).ToArray();
        var results = new (T? Item, DiagnosticBag Diagnostics)[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            var bag = new DiagnosticBag();
            var path = layout.Display(paths[i]);
            var text = TextFileReader.Read(paths[i], path, bag);
            results[i] = (text is null ? null : ReadYaml(text, path, bag, read), bag);
        });
        foreach (var (_, bag) in results)
        {
            diagnostics.AddRange(bag.ToSortedList());
        }

        return [.. results.Select(r => r.Item).OfType<T>()];
    }

    /// <summary>A file whose YAML does not parse is reported once, for its syntax, not again for its content.</summary>
    private static T? ReadYaml<T>(string text, string path, DiagnosticBag diagnostics, Func<YamlValue?, string, DiagnosticBag, T?> read)
        where T : class
    {
        var errorsBefore = diagnostics.ErrorCount;
        var root = YamlTreeReader.Read(text, path, diagnostics);
        Placeholder.Report(root, diagnostics);
        return root is null && diagnostics.ErrorCount > errorsBefore ? null : read(root, path, diagnostics);
    }

    private static IEnumerable<(string Path, string Text)> ReadFiles(InputLayout layout, IFileEnumerator files, string folder,
        string pattern, DiagnosticBag diagnostics)
    {
        var directory = Path.Combine(layout.Input, folder);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var fullPath in files.Enumerate(directory, pattern))
        {
            var path = layout.Display(fullPath);
            if (TextFileReader.Read(fullPath, path, diagnostics) is { } text)
            {
                yield return (path, text);
            }
        }
    }
}
