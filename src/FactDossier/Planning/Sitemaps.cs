using System.Text;

namespace FactDossier.Planning;

/// <summary>
/// The sitemap (sitemaps.org): one <c>sitemap.xml</c> while the site's addresses fit in one file, else
/// <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>… each within the protocol's limits (50,000 URLs, 50 MB) and
/// <c>sitemap.xml</c> an index of them, which robots.txt names either way. Written by hand, as
/// <see cref="System.Xml.XmlWriter"/> indents it: the preview makes it again on every edit, and the writer took a
/// quarter of the planning time at 1,000 claims.
/// </summary>
internal static class Sitemaps
{
    public const string Index = "sitemap.xml";

    /// <summary>The protocol's limits on one sitemap file.</summary>
    public const int MaxUrls = 50_000;

    public const int MaxBytes = 52_428_800;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    /// <summary>The file holding part <paramref name="number"/> (from 1) of a sitemap too long for one file.</summary>
    public static string PartPath(int number) => $"sitemap-{number}.xml";

    /// <summary>
    /// The sitemap's files for <paramref name="locs"/> (in order): each path with its text.
    /// </summary>
    /// <param name="urlOf">The address of a sitemap file, as the index gives it (absolute when the site has a base URL).</param>
    /// <param name="maxUrls">At most this many URLs a file (tests give fewer).</param>
    /// <param name="maxBytes">At most this many bytes a file, as UTF-8.</param>
    public static IReadOnlyList<(string Path, string Xml)> Of(IEnumerable<string> locs, Func<string, string> urlOf, int maxUrls = MaxUrls, int maxBytes = MaxBytes)
    {
        var parts = new List<StringBuilder>();
        StringBuilder? part = null;
        var (urls, bytes) = (0, 0L);
        var closing = Encoding.UTF8.GetByteCount(Close(any: true));
        foreach (var loc in locs)
        {
            var text = $"  <url>\n    <loc>{XmlText.Escape(loc)}</loc>\n  </url>\n";
            var length = Encoding.UTF8.GetByteCount(text);
            if (part is null || urls == maxUrls || bytes + length + closing > maxBytes)
            {
                part = new StringBuilder(Open(any: true));
                parts.Add(part);
                (urls, bytes) = (0, Encoding.UTF8.GetByteCount(part.ToString()));
            }

            part.Append(text);
            (urls, bytes) = (urls + 1, bytes + length);
        }

        if (parts.Count <= 1)
        {
            return [(Index, parts.Count == 0 ? Open(any: false) + Close(any: false) : parts[0].Append(Close(any: true)).ToString())];
        }

        var files = new List<(string, string)>(parts.Count + 1);
        var index = new StringBuilder(Declaration).Append("<sitemapindex xmlns=\"").Append(Namespace).Append("\">\n");
        for (var i = 0; i < parts.Count; i++)
        {
            var path = PartPath(i + 1);
            files.Add((path, parts[i].Append(Close(any: true)).ToString()));
            index.Append("  <sitemap>\n    <loc>").Append(XmlText.Escape(urlOf(path))).Append("</loc>\n  </sitemap>\n");
        }

        return [(Index, index.Append("</sitemapindex>\n").ToString()), .. files];
    }

    // As XmlWriter indents it (SitemapTests hold it to that): an empty urlset is one self-closed element.
    private static string Open(bool any) => $"{Declaration}<urlset xmlns=\"{Namespace}\"{(any ? ">\n" : "")}";

    private static string Close(bool any) => any ? "</urlset>\n" : " />\n";
}
