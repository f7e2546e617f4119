using System.Collections.Immutable;
using FactDossier.Model;

namespace FactDossier.Anchoring;

/// <summary>The dossier with every quote that comes from an article located in it.</summary>
public sealed class AnchoredDossier
{
    private readonly Dictionary<(string ClaimId, int CounterIndex), QuoteAnchor> _byQuote;
    private readonly ILookup<string, QuoteAnchor> _byArticle;

    public AnchoredDossier(Dossier dossier, ImmutableArray<QuoteAnchor> anchors)
    {
        Dossier = dossier;
        Anchors = anchors;
        _byQuote = [];
        foreach (var anchor in anchors)
        {
            _byQuote.TryAdd((anchor.ClaimId, anchor.CounterIndex), anchor); // claims sharing an id are reported by validation
        }

        _byArticle = anchors.ToLookup(a => a.ArticleId, StringComparer.Ordinal);
    }

    public Dossier Dossier { get; }

    public ImmutableArray<QuoteAnchor> Anchors { get; }

    public QuoteAnchor? AnchorOf(string claimId, int counterIndex) => _byQuote.GetValueOrDefault((claimId, counterIndex));

    public IEnumerable<QuoteAnchor> AnchorsIn(string articleId) => _byArticle[articleId];
}
