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

    /// <summary>A claim's anchors, found by halving <see cref="Anchors"/> (they are in claim order).</summary>
    public ReadOnlySpan<QuoteAnchor> AnchorsOf(string claimId)
    {
        var anchors = Anchors.AsSpan();
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

        return anchors[low..end];
    }

    /// <summary>
    /// The next anchoring, where only the <paramref name="changedClaims"/>' anchors differ from these: the indexes are
    /// this one's, patched for those claims (the same as made from scratch, without going over every anchor).
    /// </summary>
    internal AnchoredDossier With(Dossier dossier, ImmutableArray<QuoteAnchor> anchors, IReadOnlySet<string> changedClaims)
    {
        var byQuote = new Dictionary<(string, int), QuoteAnchor>(_byQuote);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gone in Anchors.Where(a => changedClaims.Contains(a.ClaimId)))
        {
            byQuote.Remove((gone.ClaimId, gone.CounterIndex));
            touched.Add(gone.ArticleId);
        }

        foreach (var now in anchors.Where(a => changedClaims.Contains(a.ClaimId)))
        {
            byQuote.TryAdd((now.ClaimId, now.CounterIndex), now);
            touched.Add(now.ArticleId);
        }

        var byArticle = new Dictionary<string, QuoteAnchor[]>(_byArticle, StringComparer.Ordinal);
        foreach (var article in touched)
        {
            var inArticle = anchors.Where(a => a.ArticleId == article).ToArray();
            if (inArticle.Length == 0)
            {
                byArticle.Remove(article);
            }
            else
            {
                byArticle[article] = inArticle;
            }
        }

        return new AnchoredDossier(dossier, anchors, byQuote, byArticle);
    }
}
