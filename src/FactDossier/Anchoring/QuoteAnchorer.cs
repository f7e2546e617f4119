using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using FactDossier.Caching;
using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Anchoring;

/// <summary>
/// The Anchor stage: every quote whose source is an article (by default the claim's own) must be found there exactly
/// once. Misses and ambiguities become diagnostics on the quote's line, with the closest passage as a hint.
/// </summary>
public static class QuoteAnchorer
{
    /// <summary>Past this share of the quote's length in edits, the closest passage is too far to be a useful hint.</summary>
    private const double UsefulDistanceRatio = 0.5;

    /// <param name="previous">
    /// The last build's anchoring: when only claims changed (<paramref name="delta"/>), the others keep their anchors
    /// without being looked up again.
    /// </param>
    /// <param name="memo">Each article's anchors found in an earlier run, by a hash of its text and of every quote looked up in it.</param>
    public static (AnchoredDossier Dossier, IReadOnlyList<Diagnostic> Diagnostics) Anchor(Dossier dossier, Delta? delta = null, AnchoredDossier? previous = null,
        Memo<QuoteAnchor[]>? memo = null)
    {
        var articles = dossier.Articles.DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal); // a repeated id is FD0101
        var changed = previous is not null && delta is { OnlyClaims: true } ? delta.Claims : null;

        var requests = dossier.Claims
            .Where(claim => changed is null || changed.Contains(claim.Id))
            .SelectMany(claim => claim.CounterStatements
                .Where(c => c.Quote is not null)
                .Select(c => new Request(claim.Id, c.Index, c.Relation, c.Quote!, c.Source?.Value ?? claim.Article.Value, c.Source is null))
                .Prepend(new Request(claim.Id, 0, null, claim.Statement.Quote, claim.Statement.Source?.Value ?? claim.Article.Value, claim.Statement.Source is null)))
            .Where(r => articles.ContainsKey(r.ArticleId)) // other quotes come from sources outside the dossier's articles
            .GroupBy(r => r.ArticleId, StringComparer.Ordinal)
            .ToList();

        // One article at a time per core: its normalised text and index exist only while its quotes are looked up.
        var results = new (List<QuoteAnchor> Anchors, List<Diagnostic> Problems)[requests.Count];
        Parallel.For(0, requests.Count, i =>
        {
            var article = articles[requests[i].Key];
            var key = memo is null ? default : KeyOf(article, requests[i]);
            if (memo is not null && memo.TryGet(key, out var known))
            {
                results[i] = ([.. known], []);
                return;
            }

            using var finder = new QuoteFinder(article.Text.Raw);
            var found = new List<QuoteAnchor>();
            var problems = new List<Diagnostic>();
            foreach (var r in requests[i])
            {
                if (Locate(r.Quote, article, finder, r.FromDefaultArticle, out var problem) is { } match)
                {
                    found.Add(new QuoteAnchor(r.ClaimId, r.CounterIndex, r.Relation, article.Id, match.Start, match.End,
                        article.Text.ParagraphAt(match.Start).Number));
                }
                else
                {
                    problems.Add(problem!);
                }
            }

            results[i] = (found, problems);
            if (memo is not null && problems.Count == 0)
            {
                memo.Add(key, [.. found]); // a problem is a diagnostic with a hint: looked for again, never remembered
            }
        });

        var found = results.SelectMany(r => r.Anchors).Order(AnchoredDossier.Order).ToList();
        // With the same articles, their passages not checked are where the last (successful) anchoring found them.
        var (notChecked, notFound) = changed is null ? AnchorNotChecked(articles.Values) : (previous!.NotChecked, []);
        var problems = DiagnosticOrder.Sort(results.SelectMany(r => r.Problems).Concat(notFound));
        // The last anchoring's anchors are in order already: the few new ones are put in, not all of them sorted again.
        return changed is null
            ? (new AnchoredDossier(dossier, [.. found]) { NotChecked = notChecked }, problems)
            : (previous!.With(dossier, found, changed), problems);
    }

    /// <summary>Each article's <c>not_checked</c> passages, looked for as claims' quotes are (a typo is an error, with the closest passage).</summary>
    private static (ImmutableArray<NotCheckedAnchor> Anchors, List<Diagnostic> Problems) AnchorNotChecked(IEnumerable<Article> articles)
    {
        var anchors = ImmutableArray.CreateBuilder<NotCheckedAnchor>();
        var problems = new List<Diagnostic>();
        foreach (var article in articles.Where(a => !a.NotChecked.IsEmpty).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            using var finder = new QuoteFinder(article.Text.Raw);
            for (var i = 0; i < article.NotChecked.Length; i++)
            {
                if (Locate(article.NotChecked[i].Quote, article, finder, fromDefaultArticle: false, out var problem) is { } match)
                {
                    anchors.Add(new NotCheckedAnchor(article.Id, i, match.Start, match.End, article.Text.ParagraphAt(match.Start).Number));
                }
                else
                {
                    problems.Add(problem!);
                }
            }
        }

        return (anchors.ToImmutable(), problems);
    }

    /// <summary>Everything finding an article's quotes reads: the article's text and paragraphs, and each quote as asked for.</summary>
    private static UInt128 KeyOf(Article article, IEnumerable<Request> requests)
    {
        var hash = new XxHash128();
        AppendText(hash, article.Id);
        AppendText(hash, article.Text.Raw);
        foreach (var paragraph in article.Text.Paragraphs)
        {
            AppendNumbers(hash, paragraph.Number, paragraph.Start, paragraph.End);
        }

        foreach (var r in requests)
        {
            AppendText(hash, r.ClaimId);
            AppendNumbers(hash, r.CounterIndex, r.Relation is { } relation ? 1 + (int)relation : 0, r.Quote.Occurrence is null ? 0 : 1, r.Quote.Occurrence ?? 0,
                r.FromDefaultArticle ? 1 : 0);
            AppendText(hash, r.Quote.Exact.Value);
            AppendText(hash, r.Quote.Prefix);
            AppendText(hash, r.Quote.Suffix);
        }

        return hash.GetCurrentHashAsUInt128();

        static void AppendNumbers(XxHash128 hash, params ReadOnlySpan<int> numbers) => hash.Append(MemoryMarshal.AsBytes(numbers));

        static void AppendText(XxHash128 hash, string? text)
        {
            AppendNumbers(hash, text?.Length ?? -1); // lengths first: no two lists of texts hash the same bytes
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }
    }

    private sealed record Request(string ClaimId, int CounterIndex, Relation? Relation, QuoteSelector Quote, string ArticleId, bool FromDefaultArticle);

    /// <summary>
    /// Looks for one quote in one article: its raw range when it is there exactly once, else the diagnostic an editor
    /// needs (every place for an ambiguous quote, the closest passage for a missing one). <c>new claim</c> uses it too.
    /// </summary>
    public static QuoteMatch.Found? Locate(QuoteSelector quote, Article article, QuoteFinder finder, bool fromDefaultArticle, out Diagnostic? problem)
    {
        problem = null;
        switch (finder.Find(quote))
        {
            case QuoteMatch.Found found:
                return found;
            case QuoteMatch.Ambiguous ambiguous:
                problem = new Diagnostic(DiagnosticCode.QuoteAmbiguous, quote.Exact.Span,
                    $"the quote appears {ambiguous.Starts.Count} times in article '{article.Id}': "
                    + string.Join(", ", ambiguous.Starts.Select(start => Where(article, start))),
                    $"add 'prefix:' with the words just before the one you mean (e.g. 'prefix: \"{WordsBefore(article.Text.Raw, ambiguous.Starts[0])}\"') or 'occurrence: N'");
                return null;
            case QuoteMatch.OccurrenceOutOfRange range:
                problem = new Diagnostic(DiagnosticCode.OccurrenceOutOfRange, quote.Exact.Span,
                    $"'occurrence: {quote.Occurrence}' but the quote appears {range.Count} time(s) in article '{article.Id}'",
                    range.Count == 0 ? "check the quote, its prefix and suffix" : $"use a number from 1 to {range.Count}");
                return null;
            case QuoteMatch.ContextMismatch mismatch:
                problem = new Diagnostic(DiagnosticCode.QuoteNotFound, quote.Exact.Span,
                    $"the quote is in article '{article.Id}' ({mismatch.Occurrences} time(s)) but never with this prefix/suffix",
                    "copy the prefix/suffix exactly from the words just before/after the quote, or remove them");
                return null;
            case QuoteMatch.NotFound notFound:
                problem = NotFoundDiagnostic(quote, article, notFound, fromDefaultArticle);
                return null;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    private static Diagnostic NotFoundDiagnostic(QuoteSelector quote, Article article, QuoteMatch.NotFound notFound, bool fromDefaultArticle)
    {
        var what = $"the quote is not in article '{article.Id}'";
        var elsewhere = fromDefaultArticle ? "; if these words were said elsewhere, add 'source: <source id>'" : "";
        if (notFound.ClosestStart is not { } start || notFound.ClosestEnd is not { } end || notFound.Distance is not { } distance
            || distance > quote.Exact.Value.Length * UsefulDistanceRatio)
        {
            return new Diagnostic(DiagnosticCode.QuoteNotFound, quote.Exact.Span, what + "; no passage of the article comes close",
                "copy the words exactly from the article" + elsewhere);
        }

        var passage = article.Text.Raw[start..end];
        var edits = distance == 1 ? "1 edit" : $"{distance} edits";
        return new Diagnostic(DiagnosticCode.QuoteNotFound, quote.Exact.Span,
            $"{what}; closest passage ({edits} away) at {Where(article, start)}: «{passage}»",
            "copy the passage exactly as the article writes it (typos included)" + elsewhere);
    }

    /// <summary>"paragraph 4 (seeds/x.txt:5:12)".</summary>
    private static string Where(Article article, int rawOffset)
    {
        var raw = article.Text.Raw;
        var lineStart = raw.LastIndexOf('\n', Math.Max(0, rawOffset - 1)) + 1;
        if (rawOffset == 0)
        {
            lineStart = 0;
        }

        var line = 1 + raw.AsSpan(0, lineStart).Count('\n');
        return $"paragraph {article.Text.ParagraphAt(rawOffset).Number} ({article.SeedPath}({line},{rawOffset - lineStart + 1}))";
    }

    private static string WordsBefore(string raw, int offset)
    {
        var from = Math.Max(raw.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1, offset - 30);
        var before = raw[from..offset];
        var space = before.IndexOf(' ');
        return (from > 0 && space >= 0 ? before[(space + 1)..] : before).Trim().Replace("\"", "\\\"", StringComparison.Ordinal);
    }
}
