using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Scaffolding;

/// <summary>
/// What in an article's text will make quoting it harder, found before it becomes a seed: a text without paragraph
/// breaks (a seed has one paragraph per line: paragraph numbers and the annotated article follow its lines), and
/// quotation marks that are mixed or left open (the build takes « », “ ” and " for one another, but a quotation that
/// opens with one mark and closes with another, or does not close, has no clear end for an editor to copy).
/// </summary>
public static class ArticleTextAdvice
{
    /// <summary>A text longer than this on one line is several paragraphs run together, not one.</summary>
    public const int OneParagraphAtMost = 600;

    /// <summary>A paragraph longer than this is probably several, even in a text that has some breaks.</summary>
    public const int LongParagraph = 1500;

    private enum Style { Guillemets, Curly, Straight }

    private readonly record struct Mark(Style Style, int Line, int Column);

    public static IReadOnlyList<Diagnostic> Check(string text, string path)
    {
        var diagnostics = new DiagnosticBag();
        var paragraphs = ArticleTextParser.Parse(text, ImmutableArray<int>.Empty).Paragraphs;
        if (paragraphs.Length == 1 && Length(paragraphs[0]) > OneParagraphAtMost)
        {
            diagnostics.Add(DiagnosticCode.HardToAnchor, new SourceSpan(path, paragraphs[0].Line, 1),
                $"the text has no paragraph breaks: {Length(paragraphs[0])} characters on one line",
                "put each of the article's paragraphs on a line of its own: paragraph numbers and the annotated article follow the lines");
        }
        else
        {
            foreach (var paragraph in paragraphs.Where(p => Length(p) > LongParagraph))
            {
                diagnostics.Add(DiagnosticCode.HardToAnchor, new SourceSpan(path, paragraph.Line, 1),
                    $"this line holds {Length(paragraph)} characters: several of the article's paragraphs run together?",
                    "put each of the article's paragraphs on a line of its own");
            }
        }

        QuoteMarks(text, paragraphs, path, diagnostics);
        return diagnostics.ToSortedList();
    }

    private static int Length(Paragraph p) => p.End - p.Start;

    private static void QuoteMarks(string text, ImmutableArray<Paragraph> paragraphs, string path, DiagnosticBag diagnostics)
    {
        var firstOfStyle = new Dictionary<Style, Mark>();
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var p = paragraphs[i];
            var lineStart = p.Start == 0 ? 0 : text.LastIndexOf('\n', p.Start - 1) + 1;
            var open = new Stack<Mark>();
            for (var at = p.Start; at < p.End; at++)
            {
                if (Classify(text, at, p.Start) is not (var style, var opens))
                {
                    continue;
                }

                var mark = new Mark(style, p.Line, at - lineStart + 1);
                if (firstOfStyle.TryAdd(style, mark) && firstOfStyle.Count == 2)
                {
                    var first = firstOfStyle.Values.Single(m => m.Style != style);
                    diagnostics.Add(DiagnosticCode.HardToAnchor, Span(path, mark),
                        $"the text mixes quotation marks: {Name(first.Style)} (first at line {first.Line}, column {first.Column}) and {Name(style)} from here",
                        "the build takes one for the other in a quote; check that each quotation closes with the mark it opens with");
                }

                if (opens)
                {
                    open.Push(mark);
                }
                else if (open.TryPop(out var opening) && opening.Style != style)
                {
                    diagnostics.Add(DiagnosticCode.HardToAnchor, Span(path, opening),
                        $"this quotation opens with {Open(opening.Style)} and closes with {Close(style)} at column {mark.Column}",
                        "the article's own marks are kept in the seed; quote the words between the marks");
                }
            }

            // A quotation that goes on into the next paragraph reopens it there (“ … then “ … ”): that is not left open.
            var continues = i + 1 < paragraphs.Length && Classify(text, paragraphs[i + 1].Start, paragraphs[i + 1].Start) is (_, true);
            foreach (var left in open.Where(_ => !continues))
            {
                diagnostics.Add(DiagnosticCode.HardToAnchor, Span(path, left),
                    $"this quotation ({Open(left.Style)}) is not closed in its paragraph",
                    "a quotation mark may have been lost in copying: compare with the article as published");
            }
        }
    }

    /// <summary>Whether the character at <paramref name="at"/> is a quotation mark, its style, and whether it opens one.</summary>
    private static (Style Style, bool Opens)? Classify(string text, int at, int start) => text[at] switch
    {
        '«' => (Style.Guillemets, true),
        '»' => (Style.Guillemets, false),
        '“' => (Style.Curly, true),
        '”' => (Style.Curly, false),
        // A straight mark opens after a space or at the start, and closes after a word or punctuation.
        '"' => (Style.Straight, at == start || char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '(' or '[' or '«' or '“' or '\'' or '’'),
        _ => null,
    };

    private static SourceSpan Span(string path, Mark mark) => new(path, mark.Line, mark.Column);

    private static string Name(Style style) => $"{Open(style)} {Close(style)}";

    private static string Open(Style style) => style switch { Style.Guillemets => "«", Style.Curly => "“", _ => "\"" };

    private static string Close(Style style) => style switch { Style.Guillemets => "»", Style.Curly => "”", _ => "\"" };
}
