using System.Collections.Immutable;
using System.Text;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Loading.Yaml;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Scaffolding;

/// <summary>What an editor gives <c>new article</c>: the text's file and the article's metadata, as typed.</summary>
public sealed record NewArticleRequest(string TextPath, string Title, string Date, string Language, string? Url = null, string? Publisher = null, string? Id = null);

/// <summary>The two files <c>new article</c> writes, from the project root with the default input folder: the seed (the text, copied) and the metadata.</summary>
public sealed record ScaffoldedArticle(string Id, string SeedPath, string MetadataPath, string Content);

/// <summary>
/// Builds a new article's metadata file from the command line's options, checked by the article loader itself (the
/// options are read as the fields they become, each positioned at its option), so that what <c>new article</c>
/// accepts the build accepts.
/// </summary>
public static class ArticleScaffold
{
    private const int IdWords = 4;

    public static (ScaffoldedArticle? Article, IReadOnlyList<Diagnostic> Diagnostics) Create(Dossier dossier, NewArticleRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var id = IdFor(request);
        if (!Slug.IsValid(id))
        {
            diagnostics.Add(DiagnosticCode.InvalidId, Argument("--id"), $"'{id}' is not a valid id: use lowercase letters, digits and single dashes",
                Slug.From(id) is { Length: > 0 } slug ? $"use '--id {slug}'" : null);
            id = "article"; // to check the other options all the same
        }
        else if (dossier.Articles.Any(a => a.Id == id))
        {
            diagnostics.Add(DiagnosticCode.DuplicateId, Argument(request.Id is null ? "--title" : "--id"),
                $"an article with the id '{id}' already exists; it is not overwritten", "choose another id with --id, or edit the existing file");
        }

        var seed = SeedPath(id);
        var path = MetadataPath(id);
        var metadata = ArticleLoader.Read(Options(request, seed), path, diagnostics);
        if (metadata is null && !diagnostics.HasErrors)
        {
            // Only a TODO kept it from loading: the command line is no place for one.
            diagnostics.Add(DiagnosticCode.MissingField, Argument("--title"), "an option is still TODO", "give the article's title, date and language");
        }

        return diagnostics.HasErrors || metadata is null
            ? (null, diagnostics.ToSortedList())
            : (new ScaffoldedArticle(id, seed, path, Render(metadata)), diagnostics.ToSortedList());
    }

    /// <summary>The id given, else one made from the title and the date.</summary>
    public static string IdFor(NewArticleRequest request) => request.Id ?? DefaultId(request);

    public static string SeedPath(string id) => $"seeds/{id}.txt";

    public static string MetadataPath(string id) => $"input/articles/{id}.yml";

    private static SourceSpan Argument(string option) => new(option, 1, 1);

    /// <summary>The title's first words and the date: <c>lands-ministry-says-jinapor-2022-10-14</c>.</summary>
    private static string DefaultId(NewArticleRequest request)
    {
        var parts = Slug.From(request.Title, IdWords).Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 1 && parts[^1].Length == 1)
        {
            parts.RemoveAt(parts.Count - 1); // no dangling "s" of "minister's"
        }

        var date = Slug.From(request.Date);
        return string.Join('-', parts.Append(date).Where(p => p.Length > 0)) is { Length: > 0 } id ? id : "article";
    }

    /// <summary>The options as the article file's fields would be read, each at its option's place.</summary>
    private static YamlMapping Options(NewArticleRequest request, string seed)
    {
        var entries = ImmutableArray.CreateBuilder<YamlEntry>();
        void Add(string field, string option, string? value)
        {
            if (value is not null)
            {
                var at = Argument(option);
                entries.Add(new YamlEntry(new YamlScalar(field, IsPlain: true, at), new YamlScalar(value, IsPlain: false, at)));
            }
        }

        Add("title", "--title", request.Title);
        Add("language", "--language", request.Language);
        Add("date", "--date", request.Date);
        Add("publisher", "--publisher", request.Publisher);
        Add("url", "--url", request.Url);
        Add("seed", "--text", seed);
        return new YamlMapping(entries.ToImmutable(), Argument("--title"));
    }

    private static string Render(ArticleMetadata article)
    {
        var yaml = new StringBuilder()
            .Append("# yaml-language-server: $schema=../../schema/article.schema.json\n")
            .Append("title: ").Append(YamlText.Quote(article.Title)).Append('\n')
            .Append("language: ").Append(article.Language).Append('\n')
            .Append("date: ").Append(article.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        yaml.Append(article.Publisher is { } publisher
            ? $"publisher: {YamlText.Quote(publisher)}\n"
            : "# publisher: \"…\"   # who published it; leave it out if unknown, and say what is known in publisher_note:\n");
        yaml.Append(article.Url is { } url
            ? $"url: {YamlText.Quote(url.OriginalString)}\n"
            : "# url: https://…   # its address: only one you have seen\n");
        return yaml
            .Append("seed: ").Append(article.Seed.Value).Append('\n')
            .Append("summary: \"TODO: a short summary of the article, shown above its annotated text\"\n")
            .ToString();
    }
}
