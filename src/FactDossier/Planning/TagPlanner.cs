using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Claims by topic: an index of tags and, per tag, its claims a page at a time.</summary>
public sealed class TagPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var tags = Facets.Tags(context);
        yield return PagePlans.Create(context, "tags", context.Page(t["tags_title"], context.Urls.Tags, "tags"), ("tags", tags));

        // A plain loop: 20,000 tags at 10k claims, on every preview rebuild.
        var claimsByTag = new Dictionary<string, List<ClaimView>>(StringComparer.Ordinal);
        foreach (var claim in context.ClaimsInReadingOrder)
        {
            foreach (var tag in claim.Tags)
            {
                (claimsByTag.TryGetValue(tag.Key, out var list) ? list : claimsByTag[tag.Key] = []).Add(claim);
            }
        }

        foreach (var tag in tags)
        {
            var claims = claimsByTag.GetValueOrDefault(tag.Key) ?? [];
            var pages = PagePlans.PagedClaims(context, "tag", $"{t["tag_title"]} {tag.Key}", tag.Url, "tag", null, claims,
                (slice, _) => [("tag", tag), ("claims", slice), ("claim_count", claims.Count)]);
            foreach (var page in pages)
            {
                yield return page;
            }
        }
    }
}
