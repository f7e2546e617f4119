using FactDossier.Planning.Views;

namespace FactDossier.Planning.Search;

/// <summary>The index's filters (verdict, speaker, topic, article) and its result documents.</summary>
public static partial class SearchIndex
{
    /// <summary>Each claim's result document, and the files of <see cref="DocsPerFile"/> of them: a file holding no edited claim is the last plan's.</summary>
    private static (Dictionary<string, string>, List<DataFile>) Docs(PlanningContext context, IReadOnlyList<ClaimView> claims, State? before, List<int>? edited, State? last)
    {
        var docJson = new Dictionary<string, string>(before?.DocJson ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var d in edited ?? Enumerable.Range(0, claims.Count))
        {
            var claim = claims[d];
            docJson[claim.Id] = (before is null && context.IsUnchanged(claim.Id) ? last?.DocJson.GetValueOrDefault(claim.Id) : null) ?? Doc(claim);
        }

        var files = new List<DataFile>();
        for (var first = 0; first < claims.Count; first += DocsPerFile)
        {
            var end = Math.Min(first + DocsPerFile, claims.Count);
            var kept = before is not null && !edited!.Any(d => d >= first && d < end);
            files.Add(kept ? before!.DocFiles[first / DocsPerFile] : new DataFile($"search/docs/{first / DocsPerFile}.json",
                ["[", .. Enumerable.Range(first, end - first).SelectMany(d => d == first ? [docJson[claims[d].Id]] : new[] { ",", docJson[claims[d].Id] }), "]"]));
        }

        return (docJson, files);
    }

    public sealed record FacetValue(string Value, string Label, List<int> Docs);

    /// <summary>Each filter's values with their claims, and a file per value.</summary>
    private static (List<(string Facet, List<FacetValue> Values)>, IReadOnlyList<DataFile>) FacetFiles(PlanningContext context, IReadOnlyList<ClaimView> claims)
    {
        var facets = Facets(context, claims);
        return (facets, [.. facets.SelectMany(f => f.Values.Select(value => new DataFile($"search/facets/{f.Facet}/{value.Value}.json", DocList(value.Docs, claims.Count))))]);
    }

    private static List<(string Facet, List<FacetValue> Values)> Facets(PlanningContext context, IReadOnlyList<ClaimView> claims)
    {
        var verdict = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        var speaker = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        var topic = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        var article = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        static void Add(Dictionary<string, FacetValue> facet, string value, string label, int doc)
        {
            if (!facet.TryGetValue(value, out var entry))
            {
                facet[value] = entry = new FacetValue(value, label, []);
            }

            entry.Docs.Add(doc);
        }

        for (var doc = 0; doc < claims.Count; doc++)
        {
            var claim = claims[doc];
            Add(verdict, claim.Verdict.Rating, claim.Verdict.Label, doc);
            if (claim.Statement.Speaker is { } person)
            {
                Add(speaker, person.Id, person.Name, doc);
            }

            foreach (var tag in claim.Tags)
            {
                Add(topic, tag.Key, tag.Key, doc);
            }

            Add(article, claim.Article.Id, claim.Article.Title, doc);
        }

        var scale = context.Dossier.Site.RatingScale.Ratings.OrderByDescending(r => r.Value).Select(r => r.Key).ToList();
        var articles = context.Dossier.Articles.OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();
        return
        [
            ("verdict", [.. verdict.Values.OrderBy(v => scale.IndexOf(v.Value) is var i && i < 0 ? int.MaxValue : i).ThenBy(v => v.Value, StringComparer.Ordinal)]),
            ("speaker", [.. speaker.Values.OrderBy(v => v.Label, StringComparer.Ordinal).ThenBy(v => v.Value, StringComparer.Ordinal)]),
            ("topic", [.. topic.Values.OrderBy(v => v.Value, StringComparer.Ordinal)]),
            ("article", [.. article.Values.OrderBy(v => articles.IndexOf(v.Value))]),
        ];
    }

    /// <summary>Whether a claim edited is under the same filters (verdict, speaker, topics, article) with the same labels.</summary>
    private static bool SameFilters(ClaimView then, ClaimView now) =>
        then.Verdict.Rating == now.Verdict.Rating && then.Verdict.Label == now.Verdict.Label
        && then.Statement.Speaker?.Id == now.Statement.Speaker?.Id && then.Statement.Speaker?.Name == now.Statement.Speaker?.Name
        && then.Tags.Select(t => t.Key).SequenceEqual(now.Tags.Select(t => t.Key), StringComparer.Ordinal)
        && then.Article.Id == now.Article.Id && then.Article.Title == now.Article.Title;
}
