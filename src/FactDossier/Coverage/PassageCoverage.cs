using System.Collections.Immutable;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Coverage;

/// <summary>
/// What each article quotes or reports that the dossier covers: a passage is covered when a claim's statement or
/// counter-statement quote anchors anywhere in it, left out when a <c>not_checked</c> passage does, else uncovered.
/// </summary>
public static class PassageCoverage
{
    /// <summary>Each article's coverage, by article id.</summary>
    /// <param name="listed">Whether to list the passages left (<c>check --coverage</c>), not only count them.</param>
    /// <param name="last">
    /// The last build's coverage and anchoring, with the claims changed since (<see cref="Delta"/>): an article in which
    /// no changed claim is or was anchored keeps its counts.
    /// </param>
    public static ImmutableArray<ArticleCoverage> Of(AnchoredDossier anchored, bool listed = true,
        (IReadOnlyList<ArticleCoverage> Coverage, AnchoredDossier Anchored, IReadOnlySet<string> Changed)? last = null)
    {
        var kept = last?.Coverage.ToDictionary(c => c.ArticleId, StringComparer.Ordinal) ?? [];
        var touched = last is { } l ? l.Changed.SelectMany(id => anchored.ArticlesQuoting(id).Concat(l.Anchored.ArticlesQuoting(id))).ToHashSet(StringComparer.Ordinal) : null;
        var notChecked = anchored.NotChecked.ToLookup(a => a.ArticleId, StringComparer.Ordinal);
        return [.. anchored.Dossier.Articles.DistinctBy(a => a.Id).OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => !listed && touched?.Contains(a.Id) == false && kept.GetValueOrDefault(a.Id) is { } same ? same
                : Of(a, ReportedSpeech.CuesFor(anchored.Dossier.Site, a.Language), [.. anchored.AnchorsIn(a.Id).Select(q => (q.Start, q.End))],
                    [.. notChecked[a.Id].Select(n => (n.Start, n.End))], listed))];
    }

    /// <param name="claimed">Where claims' quotes anchor in the article.</param>
    /// <param name="leftOut">Where its <c>not_checked</c> passages anchor.</param>
    public static ArticleCoverage Of(Article article, ImmutableArray<string> cues, IReadOnlyList<(int Start, int End)> claimed,
        IReadOnlyList<(int Start, int End)> leftOut, bool listed = true)
    {
        var (covered, notChecked) = (0, 0);
        var left = new List<(PassageKind Kind, int Start, int End)>();
        var passages = PassagesOf(article, cues);
        var (byClaims, byNotChecked) = (new Ranges(claimed), new Ranges(leftOut));
        foreach (var (kind, start, end) in passages)
        {
            if (byClaims.Overlap(start, end))
            {
                covered++;
            }
            else if (byNotChecked.Overlap(start, end))
            {
                notChecked++;
            }
            else
            {
                left.Add((kind, start, end));
            }
        }

        return new ArticleCoverage(article.Id, passages.Count, covered, notChecked) { Left = listed ? Uncovered(article, left) : [] };
    }

    /// <summary>Every quotation and sentence of reported speech, in the order of the text.</summary>
    public static IReadOnlyList<(PassageKind Kind, int Start, int End)> PassagesOf(Article article, ImmutableArray<string> cues)
    {
        var raw = article.Text.Raw;
        var passages = new List<(PassageKind, int, int)>();
        foreach (var paragraph in article.Text.Paragraphs)
        {
            var quotations = Quotations.In(raw, paragraph.Start, paragraph.End);
            passages.AddRange(quotations.Select(q => (PassageKind.Quotation, q.Start, q.End)));
            passages.AddRange(ReportedSpeech.In(raw, paragraph.Start, paragraph.End, quotations, cues).Select(s => (PassageKind.ReportedSpeech, s.Start, s.End)));
        }

        passages.Sort((x, y) => x.Item2.CompareTo(y.Item2));
        return passages;
    }

    private static List<UncoveredPassage> Uncovered(Article article, List<(PassageKind Kind, int Start, int End)> left)
    {
        if (left.Count == 0)
        {
            return [];
        }

        var raw = article.Text.Raw;
        using var finder = new QuoteFinder(raw);
        return [.. left.Select(p =>
        {
            var words = raw[p.Start..p.End];
            return new UncoveredPassage(article.Id, article.Span.Path, p.Kind, words, SpanAt(article, p.Start), OccurrenceOf(finder, words, p.Start));
        })];
    }

    /// <summary>Which appearance of its words a passage is, when they appear more than once (as a claim's quote would be looked for).</summary>
    private static int? OccurrenceOf(QuoteFinder finder, string words, int start)
    {
        var selector = new QuoteSelector(new Located<string>(words, SourceSpan.StartOf("")), null, null, null);
        return finder.Find(selector) is QuoteMatch.Ambiguous ambiguous && ambiguous.Starts.ToList().IndexOf(start) is var index and >= 0
            ? index + 1
            : null;
    }

    /// <summary>
    /// Ranges sorted by start, with the furthest end reached so far: whether one overlaps <c>[start, end)</c> is a
    /// binary search (an article can hold hundreds of anchors and as many passages).
    /// </summary>
    private sealed class Ranges
    {
        private readonly int[] _starts;
        private readonly int[] _furthestEnd;

        public Ranges(IReadOnlyList<(int Start, int End)> ranges)
        {
            var sorted = ranges.OrderBy(r => r.Start).ToArray();
            _starts = [.. sorted.Select(r => r.Start)];
            _furthestEnd = new int[sorted.Length];
            for (var i = 0; i < sorted.Length; i++)
            {
                _furthestEnd[i] = Math.Max(sorted[i].End, i == 0 ? int.MinValue : _furthestEnd[i - 1]);
            }
        }

        public bool Overlap(int start, int end)
        {
            var before = Array.BinarySearch(_starts, end); // the ranges starting before `end`…
            var count = before >= 0 ? LowerBound(before, end) : ~before;
            return count > 0 && _furthestEnd[count - 1] > start; // …one of which ends after `start`
        }

        // Equal starts: the first of them, so that a range starting at `end` is not counted.
        private int LowerBound(int found, int value)
        {
            while (found > 0 && _starts[found - 1] == value)
            {
                found--;
            }

            return found;
        }
    }

    /// <summary>The seed file's line and column (from 1) of a raw offset.</summary>
    private static SourceSpan SpanAt(Article article, int offset)
    {
        var lineStart = offset == 0 ? 0 : article.Text.Raw.LastIndexOf('\n', offset - 1) + 1;
        return new SourceSpan(article.SeedPath, article.Text.ParagraphAt(offset).Line, offset - lineStart + 1);
    }
}
