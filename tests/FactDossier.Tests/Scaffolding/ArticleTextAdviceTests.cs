using FactDossier.Scaffolding;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Scaffolding;

/// <summary>What <c>new article</c> warns about in a text before it becomes a seed, each at its line and column.</summary>
public sealed class ArticleTextAdviceTests
{
    private static List<string> Advice(string text) => [.. ArticleTextAdvice.Check(text, "a.txt").Select(d => $"{d.Span} {d.Code.Id} {d.Message}")];

    [Fact]
    public void A_real_article_with_one_paragraph_a_line_and_a_quotation_reopened_on_the_next_paragraph_gets_no_warning()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "real-article", "ghanaweb-2022-10-14.txt"));

        Assert.Empty(Advice(text));
    }

    [Fact]
    public void A_long_text_on_one_line_has_no_paragraph_breaks()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "real-article", "ghanaweb-2022-10-14.txt")).Replace('\n', ' ');

        // Glued together, the quotation that went on into the next paragraph is now one left open in this one.
        Assert.Equal(
            [
                "a.txt(1,1) FD0502 the text has no paragraph breaks: 1664 characters on one line",
                "a.txt(1,469) FD0502 this quotation (“) is not closed in its paragraph",
            ],
            Advice(text));
        Assert.Empty(Advice("A short brief on one line is one paragraph, and that is fine.\n"));
    }

    [Fact]
    public void A_very_long_line_among_others_is_several_paragraphs_run_together()
    {
        var text = "Title line\n" + string.Join(' ', Enumerable.Repeat("A sentence of the article that goes on.", 40)) + "\nLast paragraph.\n";

        Assert.Equal(["a.txt(2,1) FD0502 this line holds 1599 characters: several of the article's paragraphs run together?"], Advice(text));
    }

    [Fact]
    public void Mixed_marks_a_quotation_closed_with_another_mark_and_one_left_open_are_each_shown_where_they_open()
    {
        // The seed's own kinds: « … " and "… », beside quotations opened and closed alike.
        var text = "Il a dit « rien n'a avancé\" hier.\nElle parle d'\"offensives\" et de « pression ».\nOn lit « une phrase sans fin.\nFin.\n";

        Assert.Equal(
            [
                "a.txt(1,10) FD0502 this quotation opens with « and closes with \" at column 27",
                "a.txt(1,27) FD0502 the text mixes quotation marks: « » (first at line 1, column 10) and \" \" from here",
                "a.txt(3,8) FD0502 this quotation («) is not closed in its paragraph",
            ],
            Advice(text));
    }

    [Fact]
    public void The_seed_article_gets_its_mixed_marks_pointed_out()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", "000_dbebddd803e38d0a.txt"));

        var advice = Advice(text);

        Assert.Contains(advice, a => a.Contains("FD0502 the text mixes quotation marks", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Contains("opens with « and closes with \"", StringComparison.Ordinal));
        Assert.DoesNotContain(advice, a => a.Contains("paragraph breaks", StringComparison.Ordinal));
    }
}
