using FactDossier.Editing;
using System.Globalization;
using System.Text;
using System.Xml;
using FactDossier.Planning.Search;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>
/// The machine-readable files: claims.json (every ClaimReview), an Atom feed, sitemap.xml and robots.txt. Drafts are
/// left out: they are for previewing, and <c>--strict</c> keeps them from being published.
/// </summary>
public static class DataFilePlanner
{
    public static IReadOnlyList<DataFile> Plan(PlanningContext context, IReadOnlyList<PagePlan> pages) =>
        [.. FromClaims(context), .. FromPages(context, pages)];

    /// <summary>The files made from the claims alone (claims.json, the feed, the search index): they can be made while pages are planned.</summary>
    public static IReadOnlyList<DataFile> FromClaims(PlanningContext context)
    {
        DataFile? json = null, feed = null;
        IReadOnlyList<DataFile> search = [];
        Parallel.Invoke(() => json = ClaimsJson(context), () => feed = AtomFeed(context), () => search = SearchIndex.Files(context));
        return [json!, feed!, .. search];
    }

    /// <summary>The files that list pages (the sitemap), robots.txt, and the editor's configuration.</summary>
    public static IReadOnlyList<DataFile> FromPages(PlanningContext context, IReadOnlyList<PagePlan> pages) =>
    [
        Sitemap(context, pages),
        Robots(context),
        .. EditorFiles.Publishes(context.Dossier.Site) ? [new DataFile(EditorFiles.ConfigPath, DecapConfig.Yaml(context.Dossier.Site))] : Array.Empty<DataFile>(),
    ];

    private static DataFile ClaimsJson(PlanningContext context)
    {
        var site = context.Dossier.Site;
        var (entries, byClaim) = ClaimPieces(context, "claims.json", context.Claims, claim => ClaimsJsonEntry(context, claim));
        var json = JsonLd.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("title", site.Title);
            w.WriteStartArray("ratingScale");
            foreach (var rating in site.RatingScale.Ratings)
            {
                w.WriteStartObject();
                w.WriteString("key", rating.Key);
                w.WriteString("label", rating.Label);
                if (rating.Checkable)
                {
                    w.WriteNumber("ratingValue", rating.Value);
                }

                w.WriteBoolean("checkable", rating.Checkable);
                w.WriteString("description", rating.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("bestRating", site.RatingScale.Best);
            w.WriteNumber("worstRating", site.RatingScale.Worst);
            w.WriteStartArray("claims");
            w.WriteEndArray();
            w.WriteEndObject();
        });
        // The entries go into the claims array, last in the file, laid out as the writer lays out an array of objects.
        const string EmptyClaims = "[]\n}";
        var pieces = new List<string>(2 * entries.Length + 2);
        if (entries.Length > 0 && json.EndsWith(EmptyClaims, StringComparison.Ordinal))
        {
            pieces.Add(json[..^EmptyClaims.Length] + "[\n    ");
            foreach (var entry in entries)
            {
                pieces.Add(entry);
                pieces.Add(",\n    ");
            }

            pieces[^1] = "\n  ]\n}\n";
        }
        else
        {
            pieces.Add(json + "\n");
        }

        return new DataFile("claims.json", pieces) { ClaimPieces = byClaim };
    }

    /// <summary>Each published claim's piece of a file, in order: the last plan's piece of an unchanged claim, else written now.</summary>
    private static (string[] Pieces, Dictionary<string, string> ByClaim) ClaimPieces(PlanningContext context, string file,
        IEnumerable<ClaimView> claims, Func<ClaimView, string> write)
    {
        var before = context.Reuse?.File(file)?.ClaimPieces;
        var published = claims.Where(c => !c.IsDraft).ToList();
        var pieces = new string[published.Count];
        Parallel.For(0, pieces.Length, i => pieces[i] = (context.IsUnchanged(published[i].Id) ? before?.GetValueOrDefault(published[i].Id) : null) ?? write(published[i]));
        var byClaim = new Dictionary<string, string>(published.Count, StringComparer.Ordinal);
        for (var i = 0; i < published.Count; i++)
        {
            byClaim[published[i].Id] = pieces[i];
        }

        return (pieces, byClaim);
    }

    /// <summary>One claim of claims.json, indented for its place in the file (inside "claims", two levels down).</summary>
    private static string ClaimsJsonEntry(PlanningContext context, ClaimView claim) =>
        JsonLd.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", claim.Id);
                w.WriteString("url", claim.Url);
                w.WriteString("headline", claim.Headline);
                w.WriteString("speaker", claim.Statement.Speaker?.Name);
                w.WriteString("quote", claim.Statement.Quote);
                w.WriteString("said_on", claim.Statement.SaidOnIso);
                w.WriteString("rating", claim.Verdict.Rating);
                w.WriteStartArray("tags");
                foreach (var tag in claim.Tags)
                {
                    w.WriteStringValue(tag.Key);
                }

                w.WriteEndArray();
                w.WritePropertyName("claimReview");
                ClaimReviewBuilder.Write(w, context, claim);
                w.WriteEndObject();
            })
            .Replace("\n", "\n    ", StringComparison.Ordinal); // JSON strings hold no raw line break: only the layout's

    /// <summary>
    /// The feed's dates come from the content (the latest article, fact-check or correction), never from the clock, so that two
    /// builds of the same input are byte-identical.
    /// </summary>
    private static DataFile AtomFeed(PlanningContext context)
    {
        const string Atom = "http://www.w3.org/2005/Atom";
        var dossier = context.Dossier;
        var published = dossier.Claims.Where(c => !c.IsDraft).ToList(); // drafts are not in the feed
        var updated = dossier.Articles.Select(a => a.Date)
            .Concat(published.Where(c => c.PublishedOn is not null).Select(c => c.PublishedOn!.Value))
            .Concat(published.SelectMany(c => c.Corrections.Select(x => x.Date)))
            .DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
        var feedUrl = context.Urls.File("feed.xml");
        var shell = Xml(w =>
        {
            w.WriteStartElement("feed", Atom);
            w.WriteAttributeString("xml", "lang", null, dossier.Site.Language);
            w.WriteElementString("title", Atom, dossier.Site.Title);
            w.WriteElementString("id", Atom, context.Absolute(feedUrl) ?? $"tag:factdossier,2022:{feedUrl}");
            w.WriteElementString("updated", Atom, AtomDate(updated));
            Link(w, context.Absolute(feedUrl) ?? feedUrl, "self");
            Link(w, context.Absolute(context.Urls.Home) ?? context.Urls.Home, "alternate");
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, dossier.Site.Publisher.Name);
            w.WriteEndElement();
            w.WriteEndElement();
        });

        var claimsById = dossier.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var (entries, byClaim) = ClaimPieces(context, "feed.xml", context.ClaimsInReadingOrder, Entry);
        var end = shell.LastIndexOf("\n</feed>", StringComparison.Ordinal);
        var pieces = new List<string>(2 * entries.Length + 2) { shell[..end] };
        foreach (var entry in entries)
        {
            pieces.Add("\n  ");
            pieces.Add(entry);
        }

        pieces.Add(shell[end..]);
        return new DataFile("feed.xml", pieces) { ClaimPieces = byClaim };

        // Written as the feed's XmlWriter writes an element one level down (an XmlWriter per entry costs 15 KB).
        string Entry(ClaimView claim)
        {
            var source = claimsById[claim.Id];
            // An entry is published with the fact-check and updated by its last correction.
            var publishedOn = source.PublishedOn?.Value ?? context.Articles[claim.Article.Id].Date;
            var entryUpdated = source.Corrections.Select(c => c.Date).Append(publishedOn).Max();
            var url = context.Absolute(claim.Url);
            var e = new StringBuilder(512);
            e.Append("<entry>\n    <title>");
            XmlText.Append(e, claim.Headline);
            e.Append("</title>\n    <id>");
            XmlText.Append(e, url ?? $"tag:factdossier,2022:{claim.Url}");
            e.Append("</id>\n    <published>").Append(AtomDate(publishedOn)).Append("</published>\n    <updated>").Append(AtomDate(entryUpdated))
                .Append("</updated>\n    <link rel=\"alternate\" href=\"");
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

        static void Link(XmlWriter w, string href, string rel)
        {
            w.WriteStartElement("link", Atom);
            w.WriteAttributeString("rel", rel);
            w.WriteAttributeString("href", href);
            w.WriteEndElement();
        }
    }

    private static DataFile Sitemap(PlanningContext context, IReadOnlyList<PagePlan> pages) =>
        context.Reuse is { } reuse && SameSitemap(reuse.Last.Pages, pages) && reuse.File("sitemap.xml") is { } kept
            ? kept // the same pages at the same addresses: sorting 10,000 of them again would give the same file
            : new("sitemap.xml", SitemapXml(pages.Where(InSitemap).OrderBy(p => p.Page.Url, StringComparer.Ordinal).Select(Loc)));

    private static bool InSitemap(PagePlan page) =>
        page.Page.Kind is not ("not-found" or "redirect") && !(page.Values.GetValueOrDefault("claim") is Views.ClaimView { IsDraft: true });

    private static string Loc(PagePlan page) => page.Page.CanonicalUrl ?? page.Page.Url;

    private static bool SameSitemap(IReadOnlyList<PagePlan> before, IReadOnlyList<PagePlan> now)
    {
        if (before.Count != now.Count)
        {
            return false;
        }

        for (var i = 0; i < now.Count; i++)
        {
            var (then, page) = (before[i], now[i]);
            if (!ReferenceEquals(then, page) && (InSitemap(then) != InSitemap(page)
                || !string.Equals(then.Page.Url, page.Page.Url, StringComparison.Ordinal) || !string.Equals(Loc(then), Loc(page), StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The sitemap as <see cref="XmlWriter"/> indents it, written by hand: the preview makes it again on every edit, and
    /// the writer took a quarter of the planning time at 1,000 claims.
    /// </summary>
    internal static string SitemapXml(IEnumerable<string> locs)
    {
        const string Start = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
        var xml = new StringBuilder(Start);
        var any = false;
        foreach (var loc in locs)
        {
            xml.Append(any ? "" : ">\n").Append("  <url>\n    <loc>");
            XmlText.Append(xml, loc);
            xml.Append("</loc>\n  </url>\n");
            any = true;
        }

        return xml.Append(any ? "</urlset>\n" : " />\n").ToString();
    }

    private static DataFile Robots(PlanningContext context)
    {
        var sitemap = context.Absolute(context.Urls.File("sitemap.xml"));
        var text = "User-agent: *\nAllow: /\n" + (sitemap is null ? "" : $"Sitemap: {sitemap}\n");
        return new DataFile("robots.txt", text);
    }

    private static string AtomDate(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Xml(Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false, NewLineChars = "\n" };
        using (var sw = new Utf8StringWriter(sb))
        using (var w = XmlWriter.Create(sw, settings))
        {
            w.WriteStartDocument();
            write(w);
            w.WriteEndDocument();
        }

        return sb.Append('\n').ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
