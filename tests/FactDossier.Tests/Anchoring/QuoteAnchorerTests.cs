using FactDossier.Tests.Support;

namespace FactDossier.Tests.Anchoring;

public sealed class QuoteAnchorerTests
{
    [Fact]
    public void Changing_one_letter_of_an_anchored_quote_fails_at_its_line_and_names_the_closest_passage()
    {
        using var project = TestProject.Minimal();
        var claim = project.Read("input/claims/reduce.yml");
        project.Write("input/claims/reduce.yml", claim.Replace("réduire « radicalement »", "réduire « radicalment »", StringComparison.Ordinal));

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0201", error.Code.Id);
        Assert.Equal(5, error.Span.Line);
        Assert.Contains("«réduire \"radicalement\" son activité»", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 edit away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_ids_of_different_quotes_never_clash()
    {
        var counterOfReduce = new FactDossier.Anchoring.QuoteAnchor("reduce", 1, null, "a", 0, 1, 1);
        var statementOfReduce1 = new FactDossier.Anchoring.QuoteAnchor("reduce-1", 0, null, "a", 0, 1, 1);

        Assert.NotEqual(counterOfReduce.ElementId, statementOfReduce1.ElementId);
    }

    [Fact]
    public void A_quote_with_a_source_outside_the_article_is_not_looked_for_in_it()
    {
        using var project = TestProject.Minimal();

        var result = project.Check();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(3, result.Stats.Quotes);
        Assert.Equal(2, result.Stats.QuotesAnchored);
    }
}
