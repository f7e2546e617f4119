using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Every source cited anywhere, with the claims citing it.</summary>
public sealed class SourcesPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        // An entry none of whose citations changed, or that reads as the last plan's, keeps its view (and so its rendering).
        var before = (context.PreviousValue<IReadOnlyList<SourceEntryView>>("sources", "sources") ?? []).ToDictionary(e => e.Source.Id, StringComparer.Ordinal);
        var citations = context.CitationsBySource;
        var entries = citations.Keys
            .Select(id =>
            {
                var old = before.GetValueOrDefault(id);
                if (!citations.IsChanged(id) && old is not null)
                {
                    return old;
                }

                var cited = citations[id];
                var entry = new SourceEntryView(cited[0].Item.Source with { Number = 0 }, $"source-{id}",
                    cited.Select(m => new LinkView(m.Item.Claim.Headline, m.Item.Claim.Url)).DistinctBy(l => l.Url).ToList());
                return old is not null && old.Source == entry.Source && old.Claims.SequenceEqual(entry.Claims) ? old : entry;
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
