using FactDossier.Anchoring;
using FactDossier.Model;
using FactDossier.Loading;
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
    [Theory]
    [InlineData(3)] // put in one by one
    [InlineData(100)] // merged in one pass
    public void Anchoring_again_after_edits_gives_what_anchoring_from_scratch_gives(int edited)
    {
        using var project = TestProject.ClonedDossier(240);
        var dossier = DossierLoader.Load(project.Layout).Dossier!;
        var (before, _) = QuoteAnchorer.Anchor(dossier);
        // Some claims edited (new objects), one gone, one added under a new id that sorts in the middle.
        var claims = dossier.Claims.Select((c, i) => i % (dossier.Claims.Length / edited) == 0 ? c with { Headline = c.Headline + " (edited)" } : c).ToList();
        var gone = claims[7].Id;
        claims.RemoveAt(7);
        claims.Add(claims[3] with { Id = claims[3].Id + "-added" });
        var after = dossier with { Claims = [.. claims.OrderBy(c => c.Id, StringComparer.Ordinal)] };

        var (again, _) = QuoteAnchorer.Anchor(after, Delta.Between(dossier, Delta.TagCountsOf(dossier.Claims), after), before);
        var (scratch, _) = QuoteAnchorer.Anchor(after);

        Assert.Equal(scratch.Anchors.ToArray(), again.Anchors.ToArray()); // ImmutableArray's own Equals compares references
        Assert.Contains(again.Anchors, a => a.ClaimId == claims[^1].Id);
        Assert.DoesNotContain(again.Anchors, a => a.ClaimId == gone);
        foreach (var article in after.Articles)
        {
            Assert.Equal(scratch.AnchorsIn(article.Id), again.AnchorsIn(article.Id));
        }

        foreach (var anchor in scratch.Anchors)
        {
            Assert.Equal(anchor, again.AnchorOf(anchor.ClaimId, anchor.CounterIndex));
            Assert.Equal(scratch.AnchorsOf(anchor.ClaimId).ToArray(), again.AnchorsOf(anchor.ClaimId).ToArray());
        }

        Assert.Null(again.AnchorOf(gone, 0));
    }
}
