namespace FactDossier.Planning;

/// <summary>Claims by topic: an index of tags and, per tag, its claims a page at a time.</summary>
public sealed class TagPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var tags = Facets.Tags(context);
        yield return PagePlans.Create(context, "tags", context.Page(t["tags_title"], context.Urls.Tags, "tags"), ("tags", tags));

        var claimsByTag = context.ClaimsInReadingOrder
            .SelectMany(c => c.Tags.Select(tag => (tag.Key, Claim: c)))
            .ToLookup(x => x.Key, x => x.Claim, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var claims = claimsByTag[tag.Key].ToList();
            var pages = PagePlans.PagedClaims(context, "tag", $"{t["tag_title"]} {tag.Key}", tag.Url, "tag", null, claims,
                (slice, _) => [("tag", tag), ("claims", slice), ("claim_count", claims.Count)]);
            foreach (var page in pages)
            {
                yield return page;
            }
        }
    }
}
