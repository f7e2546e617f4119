using System.Text;
using System.Xml;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// The Atom feed: one entry per published claim, in reading order. Its dates come from the content (the latest
/// article, fact-check or correction), never from the clock, so that two builds of the same input are byte-identical.
/// </summary>
internal static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static DataFile Of(PlanningContext context)
    {
        var claimsById = context.Dossier.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var shell = Shell(context);
        var (entries, byClaim) = DataFilePlanner.ClaimPieces(context, "feed.xml", context.ClaimsInReadingOrder, claim => Entry(context, claimsById[claim.Id], claim));
        var end = shell.LastIndexOf("\n</feed>", StringComparison.Ordinal);
        var pieces = new List<string>(2 * entries.Length + 2) { shell[..end] };
        foreach (var entry in entries)
        {
            pieces.Add("\n  ");
            pieces.Add(entry);
        }

        pieces.Add(shell[end..]);
        return new DataFile("feed.xml", pieces) { ClaimPieces = byClaim };
    }

    /// <summary>The feed without its entries.</summary>
    private static string Shell(PlanningContext context)
    {
        var dossier = context.Dossier;
        var published = dossier.Claims.Where(c => !c.IsDraft).ToList(); // drafts are not in the feed
        var updated = dossier.Articles.Select(a => a.Date)
            .Concat(published.Where(c => c.PublishedOn is not null).Select(c => c.PublishedOn!.Value))
            .Concat(published.SelectMany(c => c.Corrections.Select(x => x.Date)))
            .DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
        var feedUrl = context.Urls.File("feed.xml");
        return DataFilePlanner.Xml(w =>
        {
            w.WriteStartElement("feed", Atom);
            w.WriteAttributeString("xml", "lang", null, dossier.Site.Language);
            w.WriteElementString("title", Atom, dossier.Site.Title);
            w.WriteElementString("id", Atom, context.Absolute(feedUrl) ?? $"tag:factdossier,2022:{feedUrl}");
            w.WriteElementString("updated", Atom, DataFilePlanner.AtomDate(updated));
            Link(w, context.Absolute(feedUrl) ?? feedUrl, "self");
            Link(w, context.Absolute(context.Urls.Home) ?? context.Urls.Home, "alternate");
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, dossier.Site.Publisher.Name);
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    /// <summary>
    /// One entry, published with the fact-check and updated by its last correction; written as the feed's XmlWriter
    /// writes an element one level down (an XmlWriter per entry costs 15 KB).
    /// </summary>
    private static string Entry(PlanningContext context, Model.Claim source, ClaimView claim)
    {
        var publishedOn = source.PublishedOn?.Value ?? context.Articles[claim.Article.Id].Date;
        var entryUpdated = source.Corrections.Select(c => c.Date).Append(publishedOn).Max();
        var url = context.Absolute(claim.Url);
        var e = new StringBuilder(512);
        e.Append("<entry>\n    <title>");
        XmlText.Append(e, claim.Headline);
        e.Append("</title>\n    <id>");
        XmlText.Append(e, url ?? $"tag:factdossier,2022:{claim.Url}");
        e.Append("</id>\n    <published>").Append(DataFilePlanner.AtomDate(publishedOn)).Append("</published>\n    <updated>")
            .Append(DataFilePlanner.AtomDate(entryUpdated)).Append("</updated>\n    <link rel=\"alternate\" href=\"");
        XmlText.Append(e, url ?? claim.Url, attribute: true);
        e.Append("\" />\n    <summary type=\"text\">");
        XmlText.Append(e, $"{claim.Verdict.Label}: {claim.Verdict.Summary}");
        e.Append("</summary>");
        foreach (var tag in claim.Tags)
        {
            e.Append("\n    <category term=\"");
            XmlText.Append(e, tag.Key, attribute: true);
            e.Append("\" />");
        }

        return e.Append("\n  </entry>").ToString();
    }

    private static void Link(XmlWriter w, string href, string rel)
    {
        w.WriteStartElement("link", Atom);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
