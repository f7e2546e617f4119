using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

/// <summary>An article's metadata, before its seed text is read.</summary>
public sealed record ArticleMetadata(
    string Id,
    string Title,
    string Language,
    DateOnly Date,
    string? Publisher,
    string? PublisherNote,
    Uri? Url,
    Located<string> Seed,
    string? Summary,
    ImmutableArray<int> Intertitles,
    SourceSpan Span)
{
    public Article WithText(ArticleText text) =>
        new(Id, Title, Language, Date, Publisher, PublisherNote, Url, Seed.Value, text, Summary, Span);
}

public static class ArticleLoader
{
    public static readonly string[] Fields =
        ["id", "title", "language", "date", "publisher", "publisher_note", "url", "seed", "summary", "intertitles"];

    public static ArticleMetadata? Read(YamlValue? root, string path, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(root, "an article", Fields, diagnostics);
        if (f is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(path), "the article file is empty");
            return null;
        }

        var id = FileId.Resolve(path, f.Id("id"), f.Span, diagnostics);
        var title = f.TextValue("title", required: true);
        var language = f.Language("language", required: true)?.Value;
        var date = f.Date("date", required: true);
        var publisher = f.TextValue("publisher");
        var publisherNote = f.TextValue("publisher_note");
        var url = f.Url("url");
        var seed = f.Text("seed", required: true);
        var summary = f.TextValue("summary");
        var intertitles = ImmutableArray.CreateBuilder<int>();
        foreach (var line in f.TextList("intertitles"))
        {
            if (int.TryParse(line.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                intertitles.Add(n);
            }
            else
            {
                diagnostics.Add(DiagnosticCode.InvalidNumber, line.Span, $"'intertitles' lists line numbers of the seed file, not '{line.Value}'");
            }
        }

        return id is null || title is null || language is null || date is null || seed is null
            ? null
            : new ArticleMetadata(id, title, language, date.Value, publisher, publisherNote, url, seed, summary, intertitles.ToImmutable(), f.Span);
    }
}
