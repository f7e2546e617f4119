using System.Text.Json.Nodes;
using FactDossier.Model;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// schema.org ClaimReview for one claim, as fact-check search features read it: the short claim, the rating with
/// its place on the published scale, the claim's author, when and where it appeared, and who reviewed it.
/// </summary>
public static class ClaimReviewBuilder
{
    public static JsonObject Build(PlanningContext context, ClaimView claim)
    {
        var site = context.Dossier.Site;
        var article = context.Articles[claim.Article.Id];
        var speaker = claim.Statement.Speaker is { } s ? context.People[s.Id] : null;

        var itemReviewed = new JsonObject
        {
            ["@type"] = "Claim",
            ["author"] = speaker is null ? null : Author(context, speaker),
            ["datePublished"] = claim.Statement.SaidOnIso,
            ["appearance"] = Appearance(context, article),
        };
        var review = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = context.Absolute(claim.Url) ?? claim.Url,
            ["claimReviewed"] = claim.Headline,
            ["itemReviewed"] = itemReviewed,
            ["author"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = site.Publisher.Name,
                ["url"] = site.Publisher.Url?.AbsoluteUri,
            },
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = claim.Verdict.Value,
                ["bestRating"] = site.RatingScale.Best,
                ["worstRating"] = site.RatingScale.Worst,
                ["alternateName"] = claim.Verdict.Label,
            },
            ["inLanguage"] = site.Language,
        };
        return WithoutNulls(review);
    }

    private static JsonObject Author(PlanningContext context, Person person) => new()
    {
        ["@type"] = person.Kind == PersonKind.Organisation ? "Organization" : "Person",
        ["name"] = person.Name,
        ["jobTitle"] = person.Kind == PersonKind.Person ? person.Role : null,
        ["sameAs"] = person.Wikidata is null ? null : $"https://www.wikidata.org/wiki/{person.Wikidata}",
        ["url"] = context.Absolute(context.Urls.Person(person.Id)),
    };

    private static JsonObject Appearance(PlanningContext context, Article article) => new()
    {
        ["@type"] = "NewsArticle",
        ["headline"] = article.Title,
        ["datePublished"] = Rendering.UiStrings.Iso(article.Date),
        ["inLanguage"] = article.Language,
        ["url"] = article.Url?.AbsoluteUri ?? context.Absolute(context.Urls.Article(article.Id)),
        ["publisher"] = article.Publisher is null ? null : new JsonObject { ["@type"] = "Organization", ["name"] = article.Publisher },
    };

    private static JsonObject WithoutNulls(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            o.Remove(key);
        }

        foreach (var child in o.Select(p => p.Value).OfType<JsonObject>())
        {
            WithoutNulls(child);
        }

        return o;
    }
}
