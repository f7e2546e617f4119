using System.Collections.Immutable;
using FactDossier.Anchoring;
using FactDossier.Coverage;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Coverage;

public sealed class PassageCoverageTests
{
    private static Dossier Seed() => DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!;

    private static ArticleCoverage CoverageOf(Dossier dossier)
    {
        var (anchored, problems) = QuoteAnchorer.Anchor(dossier);
        Assert.Empty(problems);
        return Assert.Single(PassageCoverage.Of(anchored));
    }

    private static Dossier WithoutNotChecked(Dossier dossier) => dossier with { Articles = [.. dossier.Articles.Select(a => a with { NotChecked = [] })] };

    [Fact]
    public void Every_passage_of_the_seed_is_covered_by_a_claim_or_left_out_with_a_reason()
    {
        var coverage = CoverageOf(Seed());

        Assert.Equal(("istanbul-talks-2022-03-31", 29, 19, 10, 0), (coverage.ArticleId, coverage.Passages, coverage.Covered, coverage.NotChecked, coverage.Uncovered));
        Assert.Empty(coverage.Left);
    }

    [Fact]
    public void Without_its_not_checked_list_the_seed_has_the_ten_passages_it_names_uncovered_at_their_place()
    {
        var seed = Seed();
        var coverage = CoverageOf(WithoutNotChecked(seed));

        Assert.Equal((29, 19, 0, 10), (coverage.Passages, coverage.Covered, coverage.NotChecked, coverage.Uncovered));
        // The passages left out are exactly those the editors list, in the order of the text.
        var listed = seed.Articles.Single().NotChecked.Select(n => n.Quote.Exact.Value);
        Assert.Equal(listed.Order(StringComparer.Ordinal), coverage.Left.Select(p => p.Words).Order(StringComparer.Ordinal));
        Assert.Equal(coverage.Left.OrderBy(p => p.Span.Line).ThenBy(p => p.Span.Column), coverage.Left);
        var selon = coverage.Left.Single(p => p.Words == "Selon nos informations");
        Assert.Equal(("seeds/000_dbebddd803e38d0a.txt", 3, 3, PassageKind.Quotation), (selon.Span.Path, selon.Span.Line, selon.Span.Column, selon.Kind));
        Assert.Equal(3, coverage.Left.Count(p => p.Kind == PassageKind.ReportedSpeech));
    }

    [Fact]
    public void Words_printed_more_than_once_are_given_with_the_appearance_they_are()
    {
        var coverage = CoverageOf(WithoutNotChecked(Seed()));

        // The intertitle « La Russie a constamment menti » comes before the same words in paragraph 5.
        Assert.Equal(1, coverage.Left.Single(p => p.Words == "La Russie a constamment menti").Occurrence);
        Assert.Equal(1, coverage.Left.Single(p => p.Words == "offensives supplémentaires").Occurrence);
        Assert.Null(coverage.Left.Single(p => p.Words == "Selon nos informations").Occurrence);
    }

    [Fact]
    public void A_passage_is_covered_when_a_quote_anchors_anywhere_in_it_and_left_out_only_when_no_claim_covers_it()
    {
        var article = Seed().Articles.Single();
        var raw = article.Text.Raw;
        var cues = ReportedSpeech.Defaults["fr"];
        var passages = PassageCoverage.PassagesOf(article, cues);
        var selon = passages.Single(p => raw[p.Start..p.End] == "Selon nos informations");
        var inside = (selon.Start + 2, selon.Start + 5);
        var before = (selon.Start - 10, selon.Start - 2);

        Assert.Equal((1, 0), Counts(PassageCoverage.Of(article, cues, [inside], [])));
        Assert.Equal((0, 0), Counts(PassageCoverage.Of(article, cues, [before], [])));
        Assert.Equal((0, 1), Counts(PassageCoverage.Of(article, cues, [], [inside])));
        Assert.Equal((1, 0), Counts(PassageCoverage.Of(article, cues, [inside], [inside]))); // a claim's quote comes first
        Assert.Equal((0, 0), Counts(PassageCoverage.Of(article, cues, [(selon.End, selon.End + 5), (selon.Start - 5, selon.Start)], []))); // touching is not overlapping
        Assert.Equal((1, 0), Counts(PassageCoverage.Of(article, cues, [(selon.End, selon.End + 1), (selon.Start - 2, selon.Start + 1)], [])));

        (int Covered, int NotChecked) Counts(ArticleCoverage c) => (c.Covered, c.NotChecked);
    }

    [Fact]
    public void A_not_checked_passage_is_anchored_like_a_quote_and_a_typo_gets_the_closest_passage()
    {
        var seed = Seed();
        var article = seed.Articles.Single();
        var typo = article.NotChecked[2] with { Quote = article.NotChecked[2].Quote with { Exact = new Located<string>("Selon nos informatons", article.NotChecked[2].Quote.Exact.Span) } };
        var broken = seed with { Articles = [article with { NotChecked = article.NotChecked.SetItem(2, typo) }] };

        var (anchored, problems) = QuoteAnchorer.Anchor(broken);

        var problem = Assert.Single(problems);
        Assert.Equal(("FD0201", article.NotChecked[2].Quote.Exact.Span), (problem.Code.Id, problem.Span));
        Assert.Contains("closest passage (1 edit away)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("«Selon nos informations»", problem.Message, StringComparison.Ordinal);
        Assert.Equal(article.NotChecked.Length - 1, anchored.NotChecked.Length);
    }

    [Fact]
    public void Anchoring_again_after_a_claim_edit_keeps_the_articles_not_checked_passages()
    {
        var seed = Seed();
        var (before, _) = QuoteAnchorer.Anchor(seed);
        var edited = seed with { Claims = seed.Claims.SetItem(0, seed.Claims[0] with { Headline = "Edited" }) };

        var (again, problems) = QuoteAnchorer.Anchor(edited, Delta.Between(seed, Delta.TagCountsOf(seed.Claims), edited), before);

        Assert.Empty(problems);
        Assert.Equal(QuoteAnchorer.Anchor(edited).Dossier.NotChecked.ToArray(), again.NotChecked.ToArray());
        Assert.Equal(10, again.NotChecked.Length);
    }

    /// <summary>
    /// After an edit, an article in which no changed claim is or was anchored keeps its counts; one in which a changed
    /// claim was anchored is counted again: a claim that drops its statement's quote uncovers the passage.
    /// </summary>
    [Fact]
    public void Counted_again_after_an_edit_only_where_a_changed_claim_is_or_was_anchored()
    {
        var seed = Seed();
        var (before, _) = QuoteAnchorer.Anchor(seed);
        var counted = PassageCoverage.Of(before, listed: false);
        var claim = seed.Claims.First(c => c.Id == "moscow-radically-reduce");
        var edited = seed with { Claims = [.. seed.Claims.Select(c => c == claim ? c with { Statement = c.Statement with { Source = new Located<string>("efe-2022-03-29-scale-back", c.Span) } } : c)] };
        var delta = Delta.Between(seed, Delta.TagCountsOf(seed.Claims), edited);
        var (after, _) = QuoteAnchorer.Anchor(edited, delta, before);

        var again = PassageCoverage.Of(after, listed: false, (counted, before, delta.Claims!));
        var stale = PassageCoverage.Of(after, listed: false, (counted, before, new HashSet<string>()));

        static object Counts(IEnumerable<ArticleCoverage> c) => string.Join(" ", c.Select(a => $"{a.ArticleId}:{a.Passages}/{a.Covered}/{a.NotChecked}"));
        Assert.Equal(Counts(PassageCoverage.Of(after, listed: false)), Counts(again));
        Assert.Equal(Counts(counted), Counts(stale)); // with no claim said to have changed, the last counts stand
        Assert.NotEqual(Counts(counted), Counts(again));
    }

    [Fact]
    public void Every_article_gets_its_coverage_in_order_of_id()
    {
        var seed = Seed();
        var article = seed.Articles.Single();
        var two = seed with { Articles = [article, article with { Id = "a-copy", NotChecked = ImmutableArray<NotCheckedPassage>.Empty }] };

        var coverage = PassageCoverage.Of(QuoteAnchorer.Anchor(two).Dossier);

        Assert.Equal(["a-copy", "istanbul-talks-2022-03-31"], coverage.Select(c => c.ArticleId));
        Assert.Equal((29, 0, 0), (coverage[0].Passages, coverage[0].Covered, coverage[0].NotChecked)); // no claim is about the copy
    }
}
