using System.Text;
using FactDossier.Publishing;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Publishing;

/// <summary>
/// The link check reads pages with <see cref="FastAnchorScanner"/> and falls back to AngleSharp's tokenizer where the
/// scanner is unsure: whenever it answers, its answer must be AngleSharp's.
/// </summary>
public sealed class FastAnchorScannerTests
{
    [Fact]
    public void It_reads_every_page_of_the_seed_dossier_itself_and_as_AngleSharp_does()
    {
        using var site = new BuiltSite(TestProject.RealDossier());
        foreach (var file in site.HtmlFiles())
        {
            var html = site.Text(file);
            var fast = FastAnchorScanner.TryRead(html);

            Assert.True(fast is not null, $"{file}: the scanner gave up on the theme's own markup");
            AssertSame(LinkChecker.ReadWithAngleSharp(html), fast, file);
        }
    }

    [Fact]
    public void On_the_attack_corpus_it_answers_as_AngleSharp_does_or_not_at_all()
    {
        using var site = new BuiltSite(XssDossier.Create());
        var answered = 0;
        foreach (var file in site.HtmlFiles())
        {
            var html = site.Text(file);
            if (FastAnchorScanner.TryRead(html) is { } fast)
            {
                AssertSame(LinkChecker.ReadWithAngleSharp(html), fast, file);
                answered++;
            }
        }

        Assert.True(answered > 0);
    }

    [Theory]
    [InlineData("<a href=\"/a/\" HREF=\"/b/\" id=x ID=y>", "link /a/ 1:1|id x 1:1")]
    [InlineData("<p>\n  <a\nhref='/a/'>x</a></p>\n<img src=/i.png alt=\"a > b\">", "link /a/ 2:3|link /i.png 4:1")]
    [InlineData("<a href=\"https://x.org/\" id=\"\"><a href=mailto:a@b.c><a href=\"https://x.org/?a&amp;b\">", "")]
    [InlineData("1 < 2 <3 <a/href=/a/><a href=/b/ /><br/id=c>", "link /a/ 1:10|link /b/ 1:22|id c 1:36")]
    [InlineData("</a href=/x/><!DOCTYPE html><a href = \"/y/\">", "link /y/ 1:29")]
    [InlineData("<a href=\"/x/\"", "")]
    public void It_reads_tags_as_an_HTML5_tokenizer_does(string html, string expected)
    {
        var fast = FastAnchorScanner.TryRead(html);

        Assert.NotNull(fast);
        Assert.Equal(expected, Describe(fast));
        AssertSame(LinkChecker.ReadWithAngleSharp(html), fast, html);
    }

    [Theory]
    [InlineData("<!-- <a href=/x/> --><a href=/y/>")]
    [InlineData("<a href=\"/x/?a=1&amp;b=2\">")]
    [InlineData("<a\r\nhref=/x/>")]
    [InlineData("<![CDATA[ <a href=/x/> ]]>")]
    [InlineData("<?php echo 1 ?><a href=/x/>")]
    [InlineData("</ foo><a href=/x/>")]
    public void It_leaves_to_AngleSharp_what_it_could_read_differently(string html)
    {
        Assert.Null(FastAnchorScanner.TryRead(html));
    }

    [Fact]
    public void On_generated_markup_it_answers_as_AngleSharp_does_or_not_at_all()
    {
        var random = new Random(20261128);
        var answered = 0;
        for (var n = 0; n < 5000; n++)
        {
            var html = RandomMarkup(random);
            if (FastAnchorScanner.TryRead(html) is { } fast)
            {
                AssertSame(LinkChecker.ReadWithAngleSharp(html), fast, html);
                answered++;
            }
        }

        Assert.True(answered > 2500, $"only {answered} of 5000 answered");
    }

    private static readonly string[] Names = ["id", "href", "src", "action", "poster", "class", "HREF", "Id", "data-x", "=", "a\"b", "viewBox", "href/", "alt"];
    private static readonly string[] Values = ["/a/", "#top", "x", "", "a b", "a>b", "https://x.org/", "//cdn", "mailto:a@b", "/é/", "a'b", "a\"b", "/x?y=1&amp;z", "\n/n/"];
    private static readonly string[] Texts = ["text", " ", "\n", "1 < 2", "<", "</", "<3", "</>", "&lt;a href=/x/&gt;", "é", "\t", "<!-- c -->", "<!DOCTYPE html>", "\r\n", "<?x?>", "/>", "=", "\"", "'"];
    private static readonly string[] Tags = ["a", "p", "img", "DIV", "svg", "script", "title", "br", "x-y", "h1"];

    private static string RandomMarkup(Random random)
    {
        var html = new StringBuilder();
        var parts = random.Next(1, 12);
        for (var p = 0; p < parts; p++)
        {
            if (random.Next(3) == 0)
            {
                html.Append(Pick(random, Texts));
                continue;
            }

            html.Append(random.Next(5) == 0 ? "</" : "<").Append(Pick(random, Tags));
            var attributes = random.Next(0, 5);
            for (var a = 0; a < attributes; a++)
            {
                html.Append(Pick(random, [" ", "  ", "\n", "/", "\t"])).Append(Pick(random, Names));
                switch (random.Next(5))
                {
                    case 0:
                        break; // no value
                    case 1:
                        html.Append('=').Append(Pick(random, Values).Replace(" ", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal));
                        break;
                    case 2:
                        html.Append(Pick(random, ["=", " = ", "=\n"])).Append('"').Append(Pick(random, Values).Replace("\"", "", StringComparison.Ordinal)).Append('"');
                        break;
                    default:
                        html.Append("='").Append(Pick(random, Values).Replace("'", "", StringComparison.Ordinal)).Append('\'');
                        break;
                }
            }

            if (random.Next(20) > 0)
            {
                html.Append(Pick(random, [">", "/>", " >"]));
            }
        }

        return html.ToString();
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string Describe(HtmlAnchors anchors) =>
        string.Join("|", anchors.Items.Select(a => $"{(a.IsId ? "id" : "link")} {a.Value} {a.Line}:{a.Column}"));

    private static void AssertSame(HtmlAnchors expected, HtmlAnchors actual, string what)
    {
        Assert.True(expected.Items.SequenceEqual(actual.Items),
            $"{what}\nAngleSharp: {Describe(expected)}\nscanner:    {Describe(actual)}");
    }
}
