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
    /// <param name="cache">Kept by the preview between builds: unchanged files are not read again.</param>
    public static LoadResult Load(InputLayout layout, IFileEnumerator? files = null, LoadCache? cache = null)
    {
        files ??= IFileEnumerator.Sorted;
        var diagnostics = new DiagnosticBag();
        var reading = new Reading(cache, cache?.TakeChanges(), files);
        if (!Directory.Exists(layout.Input))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(layout.Display(layout.Input)),
                "the input folder does not exist", "run from the project root or pass --root / --input");
            return new LoadResult(null, diagnostics.ToSortedList());
        }

        var site = ReadSite(layout, diagnostics, reading);
        if (site is null && !diagnostics.HasErrors)
        {
            // Only TODOs kept the settings from loading: without them there is no site to build.
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(layout.Display(layout.SiteFile)), "the site settings are incomplete",
                "fill in the TODOs of input/site.yml");
        }

        var articles = ReadAll(layout, reading, "articles", "*.yml", diagnostics, ArticleLoader.Read)
            .Select(a => ReadSeed(a, layout, diagnostics, reading)).OfType<Article>();
        var people = ReadAll(layout, reading, "people", "*.yml", diagnostics, PersonLoader.Read);
        var sources = ReadAll(layout, reading, "sources", "*.yml", diagnostics, SourceLoader.Read);
        var claims = ReadAll(layout, reading, "claims", "*.yml", diagnostics, ClaimLoader.Read);
        var pages = ReadPages(layout, reading, diagnostics);

        var dossier = site is null
            ? null
            : new Dossier(site,
                ById(articles, a => a.Id),
                ById(people, p => p.Id),
                ById(sources, s => s.Id),
                ById(claims, c => c.Id),
                [.. pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal)]);
        return new LoadResult(dossier, diagnostics.ToSortedList());
    }

    /// <summary>The site settings alone (null when they do not load): what the preview's editor is configured from.</summary>
    public static SiteSettings? LoadSite(InputLayout layout) =>
        ReadSite(layout, new DiagnosticBag(), new Reading(null, null, IFileEnumerator.Sorted));

    /// <summary>
    /// In order of id (ordinal, stable). The files are read in order of name, nearly always the id: then this is one
    /// pass that finds them in order already, not a sort of 10,000 records on every rebuild.
    /// </summary>
    private static ImmutableArray<T> ById<T>(IEnumerable<T> records, Func<T, string> id)
    {
        var array = records.ToArray();
        for (var i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(id(array[i - 1]), id(array[i])) > 0)
            {
                return [.. array.OrderBy(id, StringComparer.Ordinal)];
            }
        }

        return ImmutableArray.Create(array);
    }

    /// <summary>How this load reads: through the preview's cache (trusting the watcher's changes, when given) or straight from disk.</summary>
    private sealed record Reading(LoadCache? Cache, FileChanges? Changes, IFileEnumerator Files)
    {
        public T? Cached<T>(string fullPath, object? key, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> read)
            where T : class =>
            Cache is null ? read(diagnostics) : Cache.GetOrRead(fullPath, key, diagnostics, read, Changes);

        /// <summary>What an earlier load made of a file the watcher says is unchanged.</summary>
        public (T? Value, IReadOnlyList<Diagnostic> Diagnostics)? Known<T>(string fullPath)
            where T : class =>
            Cache is not null && Changes is not null ? Cache.Known<T>(fullPath, null, Changes) : null;

        public string[] List(string directory, string pattern) =>
            Cache is null ? [.. Files.Enumerate(directory, pattern)] : Cache.List(directory, pattern, Changes, () => Files.Enumerate(directory, pattern));
    }

    private static SiteSettings? ReadSite(InputLayout layout, DiagnosticBag diagnostics, Reading reading)
    {
        var path = layout.Display(layout.SiteFile);
        if (!File.Exists(layout.SiteFile))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(path), "the site settings file is missing",
                "create input/site.yml with title, language, publisher and rating_scale");
            return null;
        }

        return reading.Cached(layout.SiteFile, null, diagnostics, bag =>
            TextFileReader.Read(layout.SiteFile, path, bag) is { } text ? ReadYaml(text, path, bag, SiteLoader.Read) : null);
    }

    private static Article? ReadSeed(ArticleMetadata metadata, InputLayout layout, DiagnosticBag diagnostics, Reading reading)
    {
        var fullPath = layout.FromRoot(metadata.Seed.Value);
        if (!File.Exists(fullPath))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, metadata.Seed.Span, $"the seed file '{metadata.Seed.Value}' does not exist",
                "give the path from the project root, e.g. 'seeds/000_dbebddd803e38d0a.txt'");
            return null;
        }

        // The article is its metadata and its seed text: cached on both.
        return reading.Cached(fullPath, metadata, diagnostics, bag =>
            TextFileReader.Read(fullPath, layout.Display(fullPath), bag) is { } text ? metadata.WithText(ArticleTextParser.Parse(text, metadata.Intertitles)) : null);
    }

    /// <summary>
    /// Reads every file of a folder, in parallel: each file gets its own diagnostics, merged afterwards, so the result
    /// does not depend on which thread finished first.
    /// </summary>
    private static List<T> ReadAll<T>(InputLayout layout, Reading reading, string folder, string pattern, DiagnosticBag diagnostics,
        Func<YamlValue?, string, DiagnosticBag, T?> read)
        where T : class
    {
        var directory = Path.Combine(layout.Input, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var paths = reading.List(directory, pattern);
        var results = new (T? Item, IReadOnlyList<Diagnostic> Diagnostics)[paths.Length];
        Parallel.For(0, paths.Length, i =>
        {
            if (reading.Known<T>(paths[i]) is { } known)
            {
                results[i] = known; // the preview's common case, by thousands: no look at the disk, nothing allocated
                return;
            }

            var bag = new DiagnosticBag();
            var path = layout.Display(paths[i]);
            results[i] = (reading.Cached(paths[i], null, bag, b => TextFileReader.Read(paths[i], path, b) is { } text ? ReadYaml(text, path, b, read) : null), bag.ToSortedList());
        });
        foreach (var (_, found) in results)
        {
            if (found.Count > 0)
            {
                diagnostics.AddRange(found);
            }
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

    private static IEnumerable<MarkdownPage> ReadPages(InputLayout layout, Reading reading, DiagnosticBag diagnostics)
    {
        var directory = Path.Combine(layout.Input, "pages");
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var fullPath in reading.List(directory, "*.md"))
        {
            var path = layout.Display(fullPath);
            if (reading.Cached(fullPath, null, diagnostics, bag => TextFileReader.Read(fullPath, path, bag) is { } text ? PageLoader.Read(text, path, bag) : null) is { } page)
            {
                yield return page;
            }
        }
    }
}
