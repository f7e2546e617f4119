using AngleSharp.Html.Parser;
using FactDossier.Anchoring;
using FactDossier.Model;
using FactDossier.Rendering;

namespace FactDossier.Tests.Rendering;

public sealed class AnnotatedArticleRendererTests
{
    private const string Raw = "Moscou a dit réduire radicalement son activité vers Kiev.";
    private static readonly Paragraph Whole = new(1, 0, Raw.Length, 1, false);

    private static MarkStyle Style(QuoteAnchor a) => new($"/claims/{a.ClaimId}/", a.IsStatement ? "q q-statement" : "q q-contradicts", a.ClaimId);

    private static QuoteAnchor Anchor(string claim, int counter, string words)
    {
        var start = Raw.IndexOf(words, StringComparison.Ordinal);
        return new QuoteAnchor(claim, counter, null, "a", start, start + words.Length, 1);
    }

    [Fact]
    public void Overlapping_quotes_render_as_flat_valid_marks_covering_the_original_text()
    {
        var outer = Anchor("one", 0, "réduire radicalement son activité");
        var inner = Anchor("two", 1, "radicalement son activité vers Kiev");

        var html = AnnotatedArticleRenderer.RenderParagraph(Raw, Whole, [outer, inner], Style);
        var document = new HtmlParser().ParseDocument($"<p>{html}</p>");

        Assert.Equal(Raw, document.Body!.TextContent);
        Assert.Empty(document.QuerySelectorAll("mark mark"));
        Assert.Equal(3, document.QuerySelectorAll("mark").Length); // before the overlap, the overlap, after it
        Assert.Equal("réduire ", document.GetElementById("q-one")!.TextContent); // the overlap links to the shorter quote, "one"
        Assert.Equal("radicalement son activité", document.GetElementById("q-two--1")!.TextContent);
        Assert.Contains("nested", document.GetElementById("q-two--1")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_quotes_link_each_segment_to_the_innermost_quote_and_keep_every_id()
    {
        var outer = Anchor("outer", 0, "réduire radicalement son activité");
        var inner = Anchor("inner", 0, "réduire radicalement");

        var html = AnnotatedArticleRenderer.RenderParagraph(Raw, Whole, [outer, inner], Style);
        var document = new HtmlParser().ParseDocument($"<p>{html}</p>");

        var marks = document.QuerySelectorAll("a.mark-link");
        Assert.Equal(["/claims/inner/", "/claims/outer/"], marks.Select(m => m.GetAttribute("href")));
        Assert.NotNull(document.GetElementById("q-outer"));
        Assert.NotNull(document.GetElementById("q-inner"));
        Assert.Equal(Raw, document.Body!.TextContent);
    }

    [Fact]
    public void Text_is_html_encoded()
    {
        const string raw = "<script>alert(1)</script> & co";
        var html = AnnotatedArticleRenderer.RenderParagraph(raw, new Paragraph(1, 0, raw.Length, 1, false), [], Style);
        Assert.Equal(raw, new HtmlParser().ParseDocument($"<p>{html}</p>").Body!.TextContent);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }
}
