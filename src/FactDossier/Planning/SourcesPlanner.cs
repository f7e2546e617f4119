using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Every source cited anywhere, with the claims citing it, a page of entries at a time. A source cited by more claims
/// than a page of claims holds gets a page of its own (<c>/sources/&lt;id&gt;/</c>) listing them, and its entry names the first.
/// </summary>
public sealed class SourcesPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var pagination = context.Dossier.Site.Pagination;
        // An entry none of whose citations changed, or that reads as the last plan's, keeps its view (and so its
        // rendering), and a source whose citations did not change keeps the pages of its citing claims.
        var reuse = context.Reuse;
        var before = reuse?.Items<SourceEntryView>("sources", "sources").ToDictionary(e => e.Source.Id, StringComparer.Ordinal) ?? [];
        var citations = context.CitationsBySource;
        var sources = citations.Keys
            .Select(id =>
            {
                var old = before.GetValueOrDefault(id);
                if (!citations.IsChanged(id) && old is not null)
                {
                    return (Entry: old, Claims: (List<ClaimView>?)null);
                }

                var cited = citations[id];
                var claims = cited.Select(m => m.Item.Claim).DistinctBy(c => c.Id).ToList();
                var source = cited[0].Item.Source with { Number = 0 };
                var ownPage = claims.Count > pagination.Claims ? context.Urls.Source(id) : null;
                var entry = new SourceEntryView(source, $"source-{id}",
                    claims.Take(pagination.Claims).Select(c => new LinkView(c.Headline, c.Url)).ToList(), claims.Count, ownPage);
                return (Entry: old is not null && old.Source == entry.Source && old.ClaimCount == entry.ClaimCount
                    && old.AllClaimsUrl == entry.AllClaimsUrl && old.Claims.SequenceEqual(entry.Claims) ? old : entry, Claims: claims);
            })
            .OrderBy(e => e.Entry.Source.IsArticle ? 0 : 1)
            .ThenBy(e => e.Entry.Source.Publisher, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.Source.DateIso ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Entry.Source.Id, StringComparer.Ordinal)
            .ToList();
        var entries = sources.Select(s => s.Entry).ToList();
        var pages = PagePlans.Paged(context, "sources", context.Strings["sources_title"], context.Urls.Sources, "sources", null, entries,
            pagination.Entries, (slice, _) => [("sources", slice)],
            (slice, page) => PagePlans.Showing(slice, page, entries.Count, e => (e.Source.Id, null), e => citations[e.Source.Id].Select(m => m.ClaimId)),
            isKept: (then, now) => then.Source.Id == now.Source.Id && !citations.IsChanged(now.Source.Id)); // a kept entry may have new citing claims
        return pages.Concat(sources.Where(s => s.Entry.AllClaimsUrl is not null).SelectMany(s =>
            s.Claims is null && reuse?.Group(context.Urls.Sources, s.Entry.Source.Id, touched: false) is { } kept
                ? kept
                : PagePlans.PagedClaims(context, "source", $"{context.Strings["source_title"]} {s.Entry.Source.Title}", s.Entry.AllClaimsUrl!, "source", null,
                    s.Claims ?? [.. citations[s.Entry.Source.Id].Select(m => m.Item.Claim).DistinctBy(c => c.Id)],
                    (slice, _) => [("entry", s.Entry), ("claims", slice), ("claim_count", s.Claims?.Count ?? s.Entry.ClaimCount)], pageSize: pagination.Rows)));
    }
}
