using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using FactDossier.Planning;
using FactDossier.Tests.Support;

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
        Assert.Equal(WithXmlWriter(locs), Sitemaps.Of(locs, file => file).Single().Xml);
    }

    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static string[] Locs(int count) => [.. Enumerable.Range(0, count).Select(i => $"https://example.org/dossier/claims/c{i:D6}/")];

    private static List<string> LocsIn(string xml, string element) =>
        [.. XDocument.Parse(xml).Root!.Elements(Ns + element).Select(e => e.Element(Ns + "loc")!.Value)];

    [Fact]
    public void Past_its_limit_of_urls_the_sitemap_is_an_index_of_files_that_each_hold_at_most_that_many()
    {
        var locs = Locs(7);

        var files = Sitemaps.Of(locs, file => $"https://example.org/dossier/{file}", maxUrls: 3);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], files.Select(f => f.Path));
        Assert.Equal(["https://example.org/dossier/sitemap-1.xml", "https://example.org/dossier/sitemap-2.xml", "https://example.org/dossier/sitemap-3.xml"],
            LocsIn(files[0].Xml, "sitemap"));
        var parts = files.Skip(1).Select(f => LocsIn(f.Xml, "url")).ToList();
        Assert.Equal([3, 3, 1], parts.Select(p => p.Count));
        Assert.Equal(locs, parts.SelectMany(p => p)); // every address once, in order
        AssertValid(files);
    }

    [Fact]
    public void Past_its_limit_of_bytes_the_sitemap_is_split_too_and_no_file_is_over_it()
    {
        var locs = Locs(40);
        var whole = Encoding.UTF8.GetByteCount(Assert.Single(Sitemaps.Of(locs, file => file)).Xml);

        var files = Sitemaps.Of(locs, file => $"https://example.org/dossier/{file}", maxBytes: whole / 3);

        Assert.Equal("sitemap.xml", files[0].Path);
        Assert.True(files.Count >= 4, $"{files.Count} files");
        Assert.All(files.Skip(1), f => Assert.True(Encoding.UTF8.GetByteCount(f.Xml) <= whole / 3, $"{f.Path}: {Encoding.UTF8.GetByteCount(f.Xml)} bytes"));
        Assert.Equal(locs, files.Skip(1).SelectMany(f => LocsIn(f.Xml, "url")));
        AssertValid(files);
    }

    [Fact]
    public void Within_its_limits_the_sitemap_is_one_file_and_the_protocol_limits_are_the_defaults()
    {
        Assert.Equal((50_000, 52_428_800), (Sitemaps.MaxUrls, Sitemaps.MaxBytes));
        var files = Sitemaps.Of(Locs(3), file => file);

        Assert.Equal("sitemap.xml", Assert.Single(files).Path);
        AssertValid(files);
    }

    /// <summary>Each file against the protocol's schema (urlset: sitemaps.org's sitemap.xsd; sitemapindex: siteindex.xsd, Fixtures/sitemap-schema).</summary>
    private static void AssertValid(IEnumerable<(string Path, string Xml)> files)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() }; // siteindex.xsd includes sitemap.xsd beside it
        schemas.Add(null, Path.Combine(RepositoryPaths.Fixtures, "sitemap-schema", "siteindex.xsd"));
        foreach (var (path, xml) in files)
        {
            var errors = new List<string>();
            XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add($"{path}: {e.Message}"));
            Assert.Empty(errors);
        }
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
