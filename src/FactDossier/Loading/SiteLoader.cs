using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

public static class SiteLoader
{
    public static readonly string[] Fields = ["title", "summary", "language", "publisher", "base_url", "base_path", "repository", "rating_scale", "pagination", "share_cards", "editor", "reported_speech", "max_site_size_mb"];
    public static readonly string[] EditorFields = ["enabled", "oauth_url", "auth_endpoint"];
    public static readonly string[] PaginationFields = ["claims", "quotes", "entries", "rows"];
    public static readonly string[] PublisherFields = ["name", "url"];
    public static readonly string[] RepositoryFields = ["url", "branch"];
    public static readonly string[] RatingFields = ["key", "label", "value", "description", "checkable", "tone", "mark"];

    /// <summary>A rating's mark is a symbol: at most this many characters (Unicode code points, as JSON Schema counts).</summary>
    public const int MarkLength = 3;
    public static readonly string[] Languages = ["en", "fr"];

    public static SiteSettings? Read(YamlValue? root, string path, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(root, "the site settings", Fields, diagnostics);
        if (f is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(path), "the site settings are empty", "start from the example in README.md");
            return null;
        }

        var title = f.TextValue("title", required: true);
        var summary = f.TextValue("summary");
        var language = f.Choice("language", Languages, required: true)?.Value;
        var publisher = ReadPublisher(f, diagnostics);
        var baseUrl = f.Url("base_url");
        var basePath = f.TextValue("base_path");
        var repository = ReadRepository(f, diagnostics);
        var scale = ReadRatingScale(f, diagnostics);
        var pagination = ReadPagination(f, diagnostics);
        var shareCards = f.Choice("share_cards", ["true", "false"])?.Value != "false";
        var editor = ReadEditor(f, repository, diagnostics);
        var reportedSpeech = ReadReportedSpeech(f, diagnostics);
        var maxSize = ReadMaxSiteSize(f, diagnostics);

        return title is null || language is null || publisher is null || scale is null
            ? null
            : new SiteSettings(title, summary, language, publisher, baseUrl, basePath, repository, scale, f.Span) { Pagination = pagination, ShareCards = shareCards, Editor = editor, ReportedSpeech = reportedSpeech, MaxSiteSizeMb = maxSize };
    }

    private static Publisher? ReadPublisher(FieldReader site, DiagnosticBag diagnostics)
    {
        var value = site.Value("publisher");
        if (value is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, site.Span, "the site settings have no 'publisher'", "add 'publisher:' with 'name:' (and 'url:')");
            return null;
        }

        var f = FieldReader.ForValue(value, "'publisher'", PublisherFields, diagnostics);
        var name = f?.TextValue("name", required: true);
        var url = f?.Url("url");
        return name is null ? null : new Publisher(name, url);
    }

    private static Repository? ReadRepository(FieldReader site, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(site.Value("repository"), "'repository'", RepositoryFields, diagnostics);
        var url = f?.Url("url", required: true);
        var branch = f?.TextValue("branch") ?? "main";
        return url is null ? null : new Repository(url, branch);
    }

    private static EditorSettings ReadEditor(FieldReader site, Repository? repository, DiagnosticBag diagnostics)
    {
        var value = site.Value("editor");
        if (value is null)
        {
            return EditorSettings.Default;
        }

        var f = FieldReader.ForValue(value, "'editor'", EditorFields, diagnostics);
        var editor = new EditorSettings(f?.Choice("enabled", ["true", "false"])?.Value != "false", f?.Url("oauth_url"), f?.TextValue("auth_endpoint"));
        if (editor.Enabled && repository?.GitHubName is null)
        {
            diagnostics.Add(DiagnosticCode.EditorWithoutGitHub, f?.Span ?? site.Span, "the editor is on, but 'repository.url' is no GitHub repository: admin/ is not published",
                "set 'repository.url' to https://github.com/<owner>/<name>, or 'editor: {enabled: false}'");
        }

        return editor;
    }

    /// <summary><c>reported_speech</c>: for each language code, the words that mark a sentence as reported speech.</summary>
    private static ImmutableDictionary<string, ImmutableArray<string>> ReadReportedSpeech(FieldReader site, DiagnosticBag diagnostics)
    {
        var value = site.Value("reported_speech");
        if (value is not YamlMapping mapping)
        {
            if (value is not null)
            {
                diagnostics.Add(DiagnosticCode.WrongType, value.Span, $"'reported_speech' must be a set of 'language: [words]' lines, not {value.KindName}",
                    "write e.g. 'fr: [selon, a déclaré]'");
            }

            return ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        }

        var languages = mapping.Entries.Select(e => e.Key.Text).ToList();
        var f = new FieldReader(mapping, "'reported_speech'", languages, diagnostics);
        var cues = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (!FieldReader.IsLanguageTag(entry.Key.Text))
            {
                diagnostics.Add(DiagnosticCode.InvalidLanguage, entry.Key.Span, $"'{entry.Key.Text}' in 'reported_speech' is not a language code",
                    "name each list by a language code such as fr, en, uk or ru");
                continue;
            }

            cues[entry.Key.Text] = [.. f.TextList(entry.Key.Text).Select(c => c.Value)];
        }

        return cues.ToImmutable();
    }

    /// <summary><c>max_site_size_mb</c>: the largest site the build lets through (GitHub Pages' 1 GB by default).</summary>
    private static int ReadMaxSiteSize(FieldReader site, DiagnosticBag diagnostics)
    {
        const int Default = SiteSettings.DefaultMaxSiteSizeMb;
        if (site.LocatedNumber("max_site_size_mb") is not { } size)
        {
            return Default;
        }

        if (size.Value >= 1)
        {
            return size.Value;
        }

        diagnostics.Add(DiagnosticCode.InvalidNumber, size.Span, $"'max_site_size_mb' must be at least 1, not {size.Value}",
            $"give the size in megabytes (1 MB = 1,000,000 bytes) of the largest site your host takes, e.g. 'max_site_size_mb: {Default}' for GitHub Pages");
        return Default;
    }

    private static Pagination ReadPagination(FieldReader site, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(site.Value("pagination"), "'pagination'", PaginationFields, diagnostics);
        int Size(string name, int fallback)
        {
            if (f?.LocatedNumber(name) is not { } size)
            {
                return fallback;
            }

            if (size.Value >= 1)
            {
                return size.Value;
            }

            diagnostics.Add(DiagnosticCode.InvalidNumber, size.Span, $"'pagination.{name}' must be at least 1, not {size.Value}",
                $"give the number of items a page shows, e.g. '{name}: {fallback}'");
            return fallback;
        }

        var defaults = Pagination.Default;
        return new Pagination(Size("claims", defaults.Claims), Size("quotes", defaults.Quotes), Size("entries", defaults.Entries), Size("rows", defaults.Rows));
    }

    private static RatingScale? ReadRatingScale(FieldReader site, DiagnosticBag diagnostics)
    {
        if (site.Value("rating_scale") is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, site.Span, "the site settings have no 'rating_scale'",
                "add 'rating_scale:' with one '- key: …' item per rating, each with label, value and description");
            return null;
        }

        var ratings = ImmutableArray.CreateBuilder<Rating>();
        foreach (var item in site.BlockList("rating_scale", "a rating"))
        {
            var f = new FieldReader(item, "a rating", RatingFields, diagnostics);
            var key = f.Id("key", required: true);
            var label = f.TextValue("label", required: true);
            var value = f.Number("value", required: true);
            var description = f.TextValue("description", required: true);
            var checkable = f.Choice("checkable", ["true", "false"])?.Value != "false";
            var tone = f.Choice("tone", RatingTones.All)?.Value;
            var mark = f.Text("mark");
            if (mark is not null && mark.Value.EnumerateRunes().Count() > MarkLength)
            {
                diagnostics.Add(DiagnosticCode.TooLong, mark.Span, $"'mark' has {mark.Value.EnumerateRunes().Count()} characters, more than {MarkLength}: it is the symbol written before the label",
                    "use one symbol such as ✓, ✗, ! or ?, or leave 'mark' out for the tone's");
                mark = null;
            }

            if (key is not null && label is not null && value is not null && description is not null)
            {
                ratings.Add(new Rating(key.Value, label, value.Value, description, key.Span) { Checkable = checkable, Tone = tone, Mark = mark?.Value });
            }
        }

        return new RatingScale(ratings.ToImmutable());
    }
}
