using FactDossier.Diagnostics;

namespace FactDossier.Anchoring;

/// <summary>
/// One statement, one claim: two claims whose statements anchor to the same passage of the same article (a claim
/// file copied under a new name, say) would publish two fact-checks of one statement. A warning on each of them, naming
/// the other (which of the two is the copy, only the editor knows); an error under <c>--strict</c>.
/// </summary>
public static class StatementsAreNotRepeated
{
    public static IEnumerable<Diagnostic> Check(AnchoredDossier anchored)
    {
        var claims = anchored.Dossier.Claims.DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var repeated = anchored.Anchors
            .Where(a => a.IsStatement && claims.ContainsKey(a.ClaimId))
            .GroupBy(a => (a.ArticleId, a.Start, a.End))
            .Where(g => g.Count() > 1);
        foreach (var group in repeated)
        {
            var spans = group.Select(a => claims[a.ClaimId].Statement.Quote.Exact.Span)
                .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line).ToList();
            for (var i = 0; i < spans.Count; i++)
            {
                var other = spans[i == 0 ? 1 : 0];
                yield return new Diagnostic(DiagnosticCode.StatementClaimedTwice, spans[i],
                    $"this statement is the passage of article '{group.Key.ArticleId}' that {other.Path}({other.Line},{other.Column}) also checks",
                    "one statement, one claim: merge the two files, or quote the passage this claim is about");
            }
        }
    }
}
