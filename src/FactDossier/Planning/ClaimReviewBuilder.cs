using System.Text.Json;
using FactDossier.Model;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// schema.org ClaimReview for one claim, as fact-check search features read it: the short claim, the rating with
/// its place on the published scale, the claim's author, when and where it appeared, and who reviewed it. Written
/// straight to JSON (the page's JSON-LD and claims.json use the same writer); absent values are left out.
/// </summary>
public static class ClaimReviewBuilder
{
    public static void Write(Utf8JsonWriter w, PlanningContext context, ClaimView claim)
    {
        var site = context.Dossier.Site;
        var article = context.Articles[claim.Article.Id];
        var speaker = claim.Statement.Speaker is { } s ? context.People[s.Id] : null;

        w.WriteStartObject();
        w.WriteString("@context", "https://schema.org");
        w.WriteString("@type", "ClaimReview");
        w.WriteString("url", context.Absolute(claim.Url) ?? claim.Url);
        w.WriteString("claimReviewed", claim.Headline);
        // The fact-check's own dates: published, and last corrected.
        Optional(w, "datePublished", claim.PublishedOnIso);
        Optional(w, "dateModified", claim.Corrections.Select(c => c.DateIso).Max(StringComparer.Ordinal));

        w.WriteStartObject("itemReviewed");
        w.WriteString("@type", "Claim");
        if (speaker is not null)
        {
            w.WritePropertyName("author");
            Author(w, context, speaker);
        }

        Optional(w, "datePublished", claim.Statement.SaidOnIso);
        if (claim.Statement.Selector?.FirstAppearance is { } first)
        {
            w.WriteStartObject("firstAppearance");
            w.WriteString("@type", "CreativeWork");
            w.WriteString("url", first);
            w.WriteEndObject();
        }

        w.WritePropertyName("appearance");
        Appearance(w, context, article);
        w.WriteEndObject();

        w.WriteStartObject("author");
        w.WriteString("@type", "Organization");
        w.WriteString("name", site.Publisher.Name);
        Optional(w, "url", site.Publisher.Url?.AbsoluteUri);
        w.WriteEndObject();

        w.WriteStartObject("reviewRating");
        w.WriteString("@type", "Rating");
        // A rating that is no point of the scale (not checkable) is published by its name alone: a number would
        // tell machine readers it is the worst kind of falsehood.
        if (claim.Verdict.Checkable)
        {
            w.WriteNumber("ratingValue", claim.Verdict.Value);
            w.WriteNumber("bestRating", site.RatingScale.Best);
            w.WriteNumber("worstRating", site.RatingScale.Worst);
        }

        w.WriteString("alternateName", claim.Verdict.Label);
        w.WriteEndObject();

        w.WriteString("inLanguage", site.Language);
        w.WriteEndObject();
    }

    private static void Author(Utf8JsonWriter w, PlanningContext context, Person person)
    {
        w.WriteStartObject();
        w.WriteString("@type", person.Kind == PersonKind.Organisation ? "Organization" : "Person");
        w.WriteString("name", person.Name);
        Optional(w, "jobTitle", person.Kind == PersonKind.Person ? person.Role : null);
        Optional(w, "sameAs", person.Wikidata is null ? null : $"https://www.wikidata.org/wiki/{person.Wikidata}");
        Optional(w, "url", context.Absolute(context.Urls.Person(person.Id)));
        w.WriteEndObject();
    }

    private static void Appearance(Utf8JsonWriter w, PlanningContext context, Article article)
    {
        w.WriteStartObject();
        w.WriteString("@type", "NewsArticle");
        w.WriteString("headline", article.Title);
        w.WriteString("datePublished", Rendering.UiStrings.Iso(article.Date));
        Optional(w, "inLanguage", article.Language);
        Optional(w, "url", article.Url?.AbsoluteUri ?? context.Absolute(context.Urls.Article(article.Id)));
        if (article.Publisher is not null)
        {
            w.WriteStartObject("publisher");
            w.WriteString("@type", "Organization");
            w.WriteString("name", article.Publisher);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
