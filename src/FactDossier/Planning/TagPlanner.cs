using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Claims by topic: an index of tags and one page per tag.</summary>
public sealed class TagPlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var tags = context.TagCounts.OrderBy(tag => tag.Key, StringComparer.Ordinal)
            .Select(tag => new TagView(tag.Key, context.Urls.Tag(tag.Key), tag.Value)).ToList();
        yield return PagePlans.Create(context, "tags", context.Page(t["tags_title"], context.Urls.Tags, "tags"), ("tags", tags));

        var claimsByTag = context.ClaimsInReadingOrder
            .SelectMany(c => c.Tags.Select(tag => (tag.Key, Claim: c)))
            .ToLookup(x => x.Key, x => x.Claim, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var claims = claimsByTag[tag.Key].ToList();
            yield return PagePlans.Create(context, "tag", context.Page($"{t["tag_title"]} {tag.Key}", tag.Url, "tag"), ("tag", tag), ("claims", claims), ("claim_count", claims.Count))
                with { Shows = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal) };
        }
    }
}
