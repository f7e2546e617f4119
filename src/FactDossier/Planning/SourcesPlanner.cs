using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Every source cited anywhere, with the claims citing it.</summary>
public sealed class SourcesPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        // An entry that reads as the last plan's (same source, same citing claims) keeps its view, and so its rendering.
        var before = (context.PreviousValue<IReadOnlyList<SourceEntryView>>("sources", "sources") ?? []).ToDictionary(e => e.Source.Id, StringComparer.Ordinal);
        var entries = context.Claims
            .SelectMany(c => c.Sources.Select(s => (Source: s, Claim: c)))
            .GroupBy(x => x.Source.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var entry = new SourceEntryView(g.First().Source with { Number = 0 }, $"source-{g.Key}",
                    g.Select(x => new LinkView(x.Claim.Headline, x.Claim.Url)).DistinctBy(l => l.Url).ToList());
                return before.TryGetValue(g.Key, out var old) && old.Source == entry.Source && old.Claims.SequenceEqual(entry.Claims) ? old : entry;
            })
            .OrderBy(e => e.Source.IsArticle ? 0 : 1)
            .ThenBy(e => e.Source.Publisher, StringComparer.Ordinal)
            .ThenBy(e => e.Source.DateIso ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Source.Id, StringComparer.Ordinal)
            .ToList();
        yield return PagePlans.Create(context, "sources", context.Page(context.Strings["sources_title"], context.Urls.Sources, "sources"),
            ("sources", entries));
    }
}
