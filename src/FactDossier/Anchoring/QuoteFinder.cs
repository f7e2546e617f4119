using FactDossier.Model;

namespace FactDossier.Anchoring;

/// <summary>Finds quotes in one article, on its normalised text (computed once per article). Dispose it when done: its index is pooled.</summary>
public sealed class QuoteFinder : IDisposable
{
    private readonly NormalizedText _article;
    private readonly KGramIndex _index;

    public QuoteFinder(string rawText)
    {
        _article = TextNormalizer.Normalize(rawText);
        _index = new KGramIndex(_article.Text);
    }

    public void Dispose() => _index.Dispose();

    public QuoteMatch Find(QuoteSelector selector)
    {
        var exact = TextNormalizer.Fold(selector.Exact.Value);
        if (exact.Length == 0)
        {
            return new QuoteMatch.NotFound(null, null, null);
        }

        var prefix = selector.Prefix is null ? null : TextNormalizer.Fold(selector.Prefix);
        var suffix = selector.Suffix is null ? null : TextNormalizer.Fold(selector.Suffix);
        var text = _article.Text;
        var matches = new List<int>();
        var occurrences = 0;
        foreach (var at in _index.Occurrences(exact))
        {
            occurrences++;
            if (IsPrecededBy(text, at, prefix) && IsFollowedBy(text, at + exact.Length, suffix))
            {
                matches.Add(at);
            }
        }

        if (matches.Count == 0 && occurrences > 0)
        {
            return new QuoteMatch.ContextMismatch(occurrences);
        }

        if (selector.Occurrence is { } occurrence)
        {
            return occurrence >= 1 && occurrence <= matches.Count
                ? Found(matches[occurrence - 1], exact.Length)
                : new QuoteMatch.OccurrenceOutOfRange(matches.Count);
        }

        return matches.Count switch
        {
            1 => Found(matches[0], exact.Length),
            0 => NotFound(exact),
            _ => new QuoteMatch.Ambiguous([.. matches.Select(m => _article.ToRaw(m, 0).Start)]),
        };
    }

    private QuoteMatch.Found Found(int start, int length)
    {
        var (rawStart, rawEnd) = _article.ToRaw(start, length);
        return new QuoteMatch.Found(rawStart, rawEnd);
    }

    private QuoteMatch.NotFound NotFound(string exact)
    {
        if (ClosestPassage.Find(exact, _article.Text) is not { } closest)
        {
            return new QuoteMatch.NotFound(null, null, null);
        }

        var (start, end) = _article.ToRaw(closest.Start, closest.Length);
        return new QuoteMatch.NotFound(start, end, closest.Distance);
    }

    // A prefix or suffix is compared on the folded text, across the space or quote mark that may separate it from the quote.
    private static bool IsPrecededBy(string text, int at, string? prefix) =>
        prefix is null || text.AsSpan(0, at).TrimEnd(Junction).EndsWith(prefix.AsSpan().TrimEnd(Junction), StringComparison.Ordinal);

    private static bool IsFollowedBy(string text, int end, string? suffix) =>
        suffix is null || text.AsSpan(end).TrimStart(Junction).StartsWith(suffix.AsSpan().TrimStart(Junction), StringComparison.Ordinal);

    private const string Junction = " \"";
}
