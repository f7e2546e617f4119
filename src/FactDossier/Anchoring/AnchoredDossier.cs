using System.Collections.Immutable;
using FactDossier.Model;

namespace FactDossier.Anchoring;

/// <summary>The dossier with every quote that comes from an article located in it.</summary>
public sealed class AnchoredDossier
{
    private readonly Dictionary<(string ClaimId, int CounterIndex), QuoteAnchor> _byQuote;
    private readonly Dictionary<string, QuoteAnchor[]> _byArticle;

    public AnchoredDossier(Dossier dossier, ImmutableArray<QuoteAnchor> anchors)
    {
        Dossier = dossier;
        Anchors = anchors;
        _byQuote = new(anchors.Length);
        foreach (var anchor in anchors)
        {
            _byQuote.TryAdd((anchor.ClaimId, anchor.CounterIndex), anchor); // claims sharing an id are reported by validation
        }

        _byArticle = anchors.GroupBy(a => a.ArticleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    private AnchoredDossier(Dossier dossier, ImmutableArray<QuoteAnchor> anchors, Dictionary<(string, int), QuoteAnchor> byQuote,
        Dictionary<string, QuoteAnchor[]> byArticle)
    {
        Dossier = dossier;
        Anchors = anchors;
        _byQuote = byQuote;
        _byArticle = byArticle;
    }

    public Dossier Dossier { get; }

    /// <summary>Every anchor, by claim id then quote.</summary>
    public ImmutableArray<QuoteAnchor> Anchors { get; }

    public QuoteAnchor? AnchorOf(string claimId, int counterIndex) => _byQuote.GetValueOrDefault((claimId, counterIndex));

    public IEnumerable<QuoteAnchor> AnchorsIn(string articleId) => _byArticle.GetValueOrDefault(articleId) ?? [];

    /// <summary>The passages the articles leave unchecked on purpose (<c>not_checked</c>), by article id then place in the list.</summary>
    public ImmutableArray<NotCheckedAnchor> NotChecked { get; init; } = [];

    /// <summary>The articles a claim's quotes are anchored in.</summary>
    public IEnumerable<string> ArticlesQuoting(string claimId) => AnchorsOf(claimId).ToArray().Select(a => a.ArticleId);

    /// <summary>A claim's anchors, found by halving <see cref="Anchors"/> (they are in claim order).</summary>
    public ReadOnlySpan<QuoteAnchor> AnchorsOf(string claimId)
    {
        var (start, length) = RunOf(Anchors.AsSpan(), claimId);
        return Anchors.AsSpan(start, length);
    }

    /// <summary>Where a claim's anchors are in anchors sorted by <see cref="Order"/>.</summary>
    private static (int Start, int Length) RunOf(ReadOnlySpan<QuoteAnchor> anchors, string claimId)
    {
        var (low, high) = (0, anchors.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = string.CompareOrdinal(anchors[middle].ClaimId, claimId) < 0 ? (middle + 1, high) : (low, middle);
        }

        var end = low;
        while (end < anchors.Length && anchors[end].ClaimId == claimId)
        {
            end++;
        }

        return (low, end - low);
    }

    /// <summary>The order of <see cref="Anchors"/>: by claim id, then quote.</summary>
    internal static Comparer<QuoteAnchor> Order { get; } = Comparer<QuoteAnchor>.Create((x, y) =>
        string.CompareOrdinal(x.ClaimId, y.ClaimId) is var byClaim and not 0 ? byClaim : x.CounterIndex.CompareTo(y.CounterIndex));

    /// <summary>Past this many new anchors, they are merged into the others in one pass rather than put in one by one.</summary>
    private const int MaxInserted = 64;

    /// <summary>
    /// The next anchoring, where only the <paramref name="changedClaims"/>' anchors differ from these, as
    /// <paramref name="renewed"/> (in <see cref="Order"/>): these anchors without the changed claims' runs, the renewed
    /// ones put in their places, and the indexes patched (the same as made from scratch, without going over every anchor).
    /// </summary>
    internal AnchoredDossier With(Dossier dossier, IReadOnlyList<QuoteAnchor> renewed, IReadOnlySet<string> changedClaims)
    {
        var old = Anchors.AsSpan();
        var anchors = new List<QuoteAnchor>(old.Length + renewed.Count);
        var byQuote = new Dictionary<(string, int), QuoteAnchor>(_byQuote);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var runs = new List<(int Start, int Length)>();
        foreach (var id in changedClaims)
        {
            runs.Add(RunOf(old, id));
        }

        runs.Sort();
        var at = 0;
        foreach (var (start, length) in runs)
        {
            anchors.AddRange(old[at..start]);
            foreach (var gone in old.Slice(start, length))
            {
                byQuote.Remove((gone.ClaimId, gone.CounterIndex));
                touched.Add(gone.ArticleId);
            }

            at = start + length;
        }

        anchors.AddRange(old[at..]);
        if (renewed.Count <= MaxInserted)
        {
            foreach (var now in renewed)
            {
                var index = anchors.BinarySearch(now, Order);
                anchors.Insert(index < 0 ? ~index : index, now);
            }
        }
        else
        {
            anchors = [.. Merge(anchors, renewed)];
        }

        foreach (var now in renewed)
        {
            byQuote.TryAdd((now.ClaimId, now.CounterIndex), now);
            touched.Add(now.ArticleId);
        }

        var byArticle = new Dictionary<string, QuoteAnchor[]>(_byArticle, StringComparer.Ordinal);
        foreach (var article in touched)
        {
            QuoteAnchor[] inArticle = [.. AnchorsIn(article).Where(a => !changedClaims.Contains(a.ClaimId)).Concat(renewed.Where(a => a.ArticleId == article))];
            Array.Sort(inArticle, Order);
            if (inArticle.Length == 0)
            {
                byArticle.Remove(article);
            }
            else
            {
                byArticle[article] = inArticle;
            }
        }

        return new AnchoredDossier(dossier, [.. anchors], byQuote, byArticle) { NotChecked = NotChecked }; // the same articles: the same passages
    }

    /// <summary>Two lists in <see cref="Order"/>, as one.</summary>
    private static IEnumerable<QuoteAnchor> Merge(List<QuoteAnchor> first, IReadOnlyList<QuoteAnchor> second)
    {
        var (i, j) = (0, 0);
        while (i < first.Count || j < second.Count)
        {
            yield return j == second.Count || (i < first.Count && Order.Compare(first[i], second[j]) <= 0) ? first[i++] : second[j++];
        }
    }
}
