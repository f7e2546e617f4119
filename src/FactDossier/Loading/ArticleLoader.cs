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
    public ImmutableArray<NotCheckedPassage> NotChecked { get; init; } = [];

    public Article WithText(ArticleText text) =>
        new(Id, Title, Language, Date, Publisher, PublisherNote, Url, Seed.Value, text, Summary, Span) { NotChecked = NotChecked };
}

public static class ArticleLoader
{
    public static readonly string[] Fields =
        ["id", "title", "language", "date", "publisher", "publisher_note", "url", "seed", "summary", "intertitles", "not_checked"];

    public static readonly string[] NotCheckedFields = ["quote", "prefix", "suffix", "occurrence", "reason"];

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

        var notChecked = ReadNotChecked(f, diagnostics);
        return id is null || title is null || language is null || date is null || seed is null
            ? null
            : new ArticleMetadata(id, title, language, date.Value, publisher, publisherNote, url, seed, summary, intertitles.ToImmutable(), f.Span)
            {
                NotChecked = notChecked,
            };
    }

    /// <summary><c>not_checked</c>: each passage left out, with the words as the article prints them and the reason.</summary>
    private static ImmutableArray<NotCheckedPassage> ReadNotChecked(FieldReader article, DiagnosticBag diagnostics)
    {
        var passages = ImmutableArray.CreateBuilder<NotCheckedPassage>();
        foreach (var item in article.BlockList("not_checked", "a passage not checked"))
        {
            var f = new FieldReader(item, "a passage not checked", NotCheckedFields, diagnostics);
            var quote = ClaimLoader.ReadQuote(f, required: true, diagnostics);
            var reason = f.TextValue("reason", required: true);
            if (quote is not null && reason is not null)
            {
                passages.Add(new NotCheckedPassage(quote, reason, f.Span));
            }
        }

        return passages.ToImmutable();
    }
}
