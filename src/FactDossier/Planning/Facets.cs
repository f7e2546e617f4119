using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>The ways into the claims other than reading order: by verdict, topic, speaker and article, with counts.</summary>
public static class Facets
{
    /// <summary>The rating scale from best to worst, each with its page and how many claims have it.</summary>
    public static IReadOnlyList<RatingView> Ratings(PlanningContext context)
    {
        var counts = context.Tally.Ratings;
        return context.Dossier.Site.RatingScale.Ratings
            .OrderByDescending(r => r.Value)
            .Select(r => new RatingView(r.Key, r.Label, r.Value, r.Description, counts.GetValueOrDefault(r.Key), context.Urls.Verdict(r.Key)) { Look = context.Dossier.Site.RatingScale.LookOf(r) })
            .ToList();
    }

    public static IReadOnlyList<TagView> Tags(PlanningContext context) =>
        context.TagCounts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TagView(t.Key, context.Urls.Tag(t.Key), t.Value)).ToList();

    /// <summary>Everyone whose statement a claim checks, by name.</summary>
    public static IReadOnlyList<PersonRef> Speakers(PlanningContext context) =>
        context.Tally.Speakers.Values.Select(s => s.Person).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
}
