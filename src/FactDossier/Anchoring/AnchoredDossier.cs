using System.Collections.Immutable;
using FactDossier.Model;

namespace FactDossier.Anchoring;

/// <summary>The dossier with every quote that comes from an article located in it.</summary>
public sealed record AnchoredDossier(Dossier Dossier, ImmutableArray<QuoteAnchor> Anchors)
{
    public QuoteAnchor? AnchorOf(string claimId, int counterIndex) =>
        Anchors.FirstOrDefault(a => a.ClaimId == claimId && a.CounterIndex == counterIndex);

    public IEnumerable<QuoteAnchor> AnchorsIn(string articleId) => Anchors.Where(a => a.ArticleId == articleId);
}
