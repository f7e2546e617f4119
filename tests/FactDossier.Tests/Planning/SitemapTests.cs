using System.Globalization;
using System.Text;
using System.Xml;
using FactDossier.Planning;

namespace FactDossier.Tests.Planning;

public class SitemapTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/ /claims/a/ https://example.org/dossier/tags/q&a/")]
    [InlineData("/tags/<b>\"x\"/ /caf\u00e9/\ud83d\ude00/ /bad\u0001/")]
    public void The_hand_written_sitemap_is_what_XmlWriter_writes(string urls)
    {
        var locs = urls.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(WithXmlWriter(locs), DataFilePlanner.SitemapXml(locs));
    }

    private static string WithXmlWriter(string[] locs)
    {
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, NewLineChars = "\n", CheckCharacters = false };
        using (var writer = new Utf8StringWriter(text))
        using (var xml = XmlWriter.Create(writer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Ns);
            foreach (var loc in locs)
            {
                xml.WriteStartElement("url", Ns);
                xml.WriteElementString("loc", Ns, loc.Replace('\u0001', '\uFFFD'));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.Append('\n').ToString();
    }

    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
