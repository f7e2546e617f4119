using FactDossier.Publishing;
using FactDossier.Rendering;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Publishing;

public sealed class PageScanTests
{
    [Fact]
    public void A_page_read_shell_and_fragments_apart_gives_what_reading_it_whole_gives()
    {
        var card = new HtmlFragment("<li id=\"card-1\"><a href=\"/claims/one/\">One</a>\n<a href=\"#top\">top</a></li>\n");
        var inline = new HtmlFragment("<a id=\"inline\" href=\"/x/\">x</a>"); // no line break: shifts columns only
        var page = new PageWriter();
        page.Write("<!DOCTYPE html>\n<html><body id=\"top\">\n<ul>");
        page.WriteFragment(card);
        page.Write("<li><a href=\"/after/\">after a card, same line</a></li>\n");
        page.WriteFragment(card); // twice: its ids are duplicates in this page
        page.Write("<p>");
        page.WriteFragment(inline);
        page.Write(" then <a href=\"/tail/\" id=\"tail\">tail</a></p>\n");
        page.WriteFragment(inline);
        page.WriteFragment(card);
        page.Write("</ul></body></html>\n");

        AssertSameScan(page);
    }

    [Fact]
    public void Every_page_of_the_seed_dossier_scans_the_same_in_pieces_as_whole()
    {
        using var site = new BuiltSite(TestProject.RealDossier());
        var pages = site.RenderPages();

        Assert.Contains(pages, p => p.Fragments.Count > 10);
        foreach (var page in pages)
        {
            AssertSameScan(page);
        }
    }

    [Fact]
    public void A_link_from_a_fragment_the_page_had_last_time_is_not_checked_again_and_every_other_link_is()
    {
        var kept = new HtmlFragment("<li><a href=\"/gone-since/\">kept card</a></li>\n");
        var added = new HtmlFragment("<li><a href=\"/never-there/\">new card</a></li>\n");
        var before = Page(kept);
        var after = Page(kept, added);
        var site = new Dictionary<string, LinkChecker.PageLinks>(StringComparer.Ordinal) { ["index.html"] = after };
        var checker = new LinkChecker(new FactDossier.Planning.SiteUrls("/"));

        var incremental = checker.Check(site, [after], new HashSet<string>(), checkedBefore: new Dictionary<string, LinkChecker.PageLinks> { ["index.html"] = before });
        var full = checker.Check(site, [after], new HashSet<string>());

        Assert.Equal(["/never-there/", "/shell-link/"], incremental.Select(d => d.Message.Split('\'')[1]).Order(StringComparer.Ordinal));
        Assert.Equal(3, full.Count);

        static LinkChecker.PageLinks Page(params HtmlFragment[] cards)
        {
            using var page = new PageWriter();
            page.Write("<ul>\n");
            foreach (var card in cards)
            {
                page.WriteFragment(card);
            }

            page.Write("</ul><a href=\"/shell-link/\">the page's own</a>\n");
            return LinkChecker.Scan("index.html", page);
        }
    }

    private static void AssertSameScan(PageWriter page)
    {
        var whole = LinkChecker.Scan("p.html", page.ToString());
        var pieces = LinkChecker.Scan("p.html", page);

        Assert.Equal(whole.Ids.Order(StringComparer.Ordinal), pieces.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(whole.Links, pieces.Links);
        Assert.Equal(whole.DuplicateIds.Select(d => (d.Span, d.Message)), pieces.DuplicateIds.Select(d => (d.Span, d.Message)));
    }
}
