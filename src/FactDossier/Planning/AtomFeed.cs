using System.Globalization;
using FactDossier.Planning.Views;
using static FactDossier.Planning.XmlText;

namespace FactDossier.Planning;

/// <summary>
/// The Atom feed: one entry per published claim, in reading order. Its dates come from the content (the latest
/// article, fact-check or correction), never from the clock, so that two builds of the same input are byte-identical.
/// Written by hand, a line of XML a line of code, as <see cref="System.Xml.XmlWriter"/> indents it (an XmlWriter per
/// entry costs 15 KB).
/// </summary>
internal static class AtomFeed
{
    public static DataFile Of(PlanningContext context)
    {
        var claimsById = context.Dossier.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var (head, tail) = (Head(context), "\n</feed>\n");
        return DataFilePlanner.PerClaim(context, "feed.xml", context.ClaimsInReadingOrder, claim => Entry(context, claimsById[claim.Id], claim),
            entries => [head, .. entries.SelectMany(entry => new[] { "\n  ", entry }), tail]);
    }

    /// <summary>The feed up to its first entry.</summary>
    private static string Head(PlanningContext context)
    {
        var dossier = context.Dossier;
        var published = dossier.Claims.Where(c => !c.IsDraft).ToList(); // drafts are not in the feed
        var updated = dossier.Articles.Select(a => a.Date)
            .Concat(published.Where(c => c.PublishedOn is not null).Select(c => c.PublishedOn!.Value))
            .Concat(published.SelectMany(c => c.Corrections.Select(x => x.Date)))
            .DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
        var feedUrl = context.Urls.File("feed.xml");
        return string.Join('\n',
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            $"<feed xml:lang=\"{Escape(dossier.Site.Language, attribute: true)}\" xmlns=\"http://www.w3.org/2005/Atom\">",
            $"  <title>{Escape(dossier.Site.Title)}</title>",
            $"  <id>{Escape(context.Absolute(feedUrl) ?? $"tag:factdossier,2022:{feedUrl}")}</id>",
            $"  <updated>{Date(updated)}</updated>",
            $"  <link rel=\"self\" href=\"{Escape(context.Absolute(feedUrl) ?? feedUrl, attribute: true)}\" />",
            $"  <link rel=\"alternate\" href=\"{Escape(context.Absolute(context.Urls.Home) ?? context.Urls.Home, attribute: true)}\" />",
            "  <author>",
            $"    <name>{Escape(dossier.Site.Publisher.Name)}</name>",
            "  </author>");
    }

    /// <summary>One entry, published with the fact-check and updated by its last correction, one level down in the feed.</summary>
    private static string Entry(PlanningContext context, Model.Claim source, ClaimView claim)
    {
        var publishedOn = source.PublishedOn?.Value ?? context.Articles[claim.Article.Id].Date;
        var entryUpdated = source.Corrections.Select(c => c.Date).Append(publishedOn).Max();
        var url = context.Absolute(claim.Url);
        return string.Join('\n', [
            "<entry>",
            $"    <title>{Escape(claim.Headline)}</title>",
            $"    <id>{Escape(url ?? $"tag:factdossier,2022:{claim.Url}")}</id>",
            $"    <published>{Date(publishedOn)}</published>",
            $"    <updated>{Date(entryUpdated)}</updated>",
            $"    <link rel=\"alternate\" href=\"{Escape(url ?? claim.Url, attribute: true)}\" />",
            $"    <summary type=\"text\">{Escape($"{claim.Verdict.Label}: {claim.Verdict.Summary}")}</summary>",
            .. claim.Tags.Select(tag => $"    <category term=\"{Escape(tag.Key, attribute: true)}\" />"),
            "  </entry>"]);
    }

    private static string Date(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
