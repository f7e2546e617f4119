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
        // One pass over the statements (10,000 at 10k claims, on every rebuild), keeping only the passages met twice.
        var first = new Dictionary<(string, int, int), int>();
        var repeated = new Dictionary<int, List<int>>();
        var anchors = anchored.Anchors;
        for (var i = 0; i < anchors.Length; i++)
        {
            var a = anchors[i];
            if (a.IsStatement && !first.TryAdd((a.ArticleId, a.Start, a.End), i))
            {
                var earliest = first[(a.ArticleId, a.Start, a.End)];
                (repeated.TryGetValue(earliest, out var group) ? group : repeated[earliest] = [earliest]).Add(i);
            }
        }

        if (repeated.Count == 0)
        {
            yield break;
        }

        var claims = anchored.Dossier.Claims.DistinctBy(c => c.Id).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var groups = repeated.Values
            .Select(g => g.Where(i => claims.ContainsKey(anchors[i].ClaimId)).ToList())
            .Where(g => g.Count > 1)
            .OrderBy(g => g[0])
            .Select(g => g.ConvertAll(i => anchors[i]));
        foreach (var group in groups)
        {
            var spans = group.Select(a => claims[a.ClaimId].Statement.Quote.Exact.Span)
                .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line).ToList();
            for (var i = 0; i < spans.Count; i++)
            {
                var other = spans[i == 0 ? 1 : 0];
                yield return new Diagnostic(DiagnosticCode.StatementClaimedTwice, spans[i],
                    $"this statement is the passage of article '{group[0].ArticleId}' that {other.Path}({other.Line},{other.Column}) also checks",
                    "one statement, one claim: merge the two files, or quote the passage this claim is about");
            }
        }
    }
}
