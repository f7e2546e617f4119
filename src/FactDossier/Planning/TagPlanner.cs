using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Claims by topic: an index of tags and, per tag, its claims a page at a time.</summary>
public sealed class TagPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var tags = Facets.Tags(context);
        // A tag none of whose claims changed (then or now) keeps its pages: its claims, and their order, are the same.
        var reuse = context.Reuse;
        var touched = reuse?.Touched(c => c.Tags.Select(tag => tag.Key));
        var kept = tags.Select(tag => reuse?.Group(context.Urls.Tags, tag.Key, touched!.Contains(tag.Key))).ToList();
        // Only the touched tags' claims are gathered, when every other tag keeps its pages.
        var gathered = reuse is not null && tags.Where((_, i) => kept[i] is null).All(tag => touched!.Contains(tag.Key)) ? touched : null;
        Dictionary<string, List<ClaimView>>? claimsByTag = null;
        return tags.Zip(kept).SelectMany(tag => tag.Second ?? TagPages(tag.First, claimsByTag ??= ClaimsByTag(context, gathered)))
            .Prepend(PagePlans.Create(context, "tags", context.Page(t["tags_title"], context.Urls.Tags, "tags"), ("tags", tags)));

        IEnumerable<PagePlan> TagPages(TagView tag, Dictionary<string, List<ClaimView>> byTag)
        {
            var claims = byTag.GetValueOrDefault(tag.Key) ?? [];
            return PagePlans.PagedClaims(context, "tag", $"{t["tag_title"]} {tag.Key}", tag.Url, "tag", null, claims,
                (slice, _) => [("tag", tag), ("claims", slice), ("claim_count", claims.Count)]);
        }
    }

    /// <summary>Each tag's claims in reading order: of the tags given only (a plain loop: 20,000 tags at 10k claims).</summary>
    private static Dictionary<string, List<ClaimView>> ClaimsByTag(PlanningContext context, HashSet<string>? only)
    {
        var claimsByTag = new Dictionary<string, List<ClaimView>>(StringComparer.Ordinal);
        foreach (var claim in context.ClaimsInReadingOrder)
        {
            foreach (var tag in claim.Tags)
            {
                if (only is null || only.Contains(tag.Key))
                {
                    (claimsByTag.TryGetValue(tag.Key, out var list) ? list : claimsByTag[tag.Key] = []).Add(claim);
                }
            }
        }

        return claimsByTag;
    }
}
