using System.Collections.Immutable;
using FactDossier.Model;

namespace FactDossier.Loading;

/// <summary>
/// A seed file has one paragraph per line. Intertitles are the lines the article metadata names, or else short
/// lines that do not end a sentence (like <c>Pas d'avancée dans les négociations, selon Le Drian</c>).
/// </summary>
public static class ArticleTextParser
{
    private const int MaxIntertitleLength = 80;

    public static ArticleText Parse(string raw, ImmutableArray<int> intertitleLines)
    {
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
        var line = 0;
        var start = 0;
        while (start <= raw.Length)
        {
            line++;
            var newline = raw.IndexOf('\n', start);
            var end = newline < 0 ? raw.Length : newline;
            var contentEnd = end > start && raw[end - 1] == '\r' ? end - 1 : end;
            var (from, to) = Trim(raw, start, contentEnd);
            if (to > from)
            {
                var isIntertitle = intertitleLines.IsEmpty
                    ? LooksLikeIntertitle(raw.AsSpan(from, to - from))
                    : intertitleLines.Contains(line);
                paragraphs.Add(new Paragraph(paragraphs.Count + 1, from, to, line, isIntertitle));
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return new ArticleText(raw, paragraphs.ToImmutable());
    }

    private static (int From, int To) Trim(string raw, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(raw[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(raw[to - 1]))
        {
            to--;
        }

        return (from, to);
    }

    private static bool LooksLikeIntertitle(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxIntertitleLength)
        {
            return false;
        }

        var trimmed = line.TrimEnd("\"»”' ");
        return trimmed.Length > 0 && char.IsLetterOrDigit(trimmed[^1]);
    }
}
