using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Anchoring;

/// <summary>Anchoring against the real seed article, with its mix of « », straight quotes and typos.</summary>
public sealed class QuoteFinderTests : IDisposable
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", "000_dbebddd803e38d0a.txt"));
    private readonly QuoteFinder _finder = new(Seed);

    public void Dispose() => _finder.Dispose();

    private static QuoteSelector Quote(string exact, string? prefix = null, string? suffix = null, int? occurrence = null) =>
        new(new Located<string>(exact, SourceSpan.StartOf("test.yml")), prefix, suffix, occurrence);

    private string Anchored(QuoteSelector quote)
    {
        var found = Assert.IsType<QuoteMatch.Found>(_finder.Find(quote));
        return Seed[found.Start..found.End];
    }

    [Fact]
    public void Exact_quote_anchors_on_the_original_characters() =>
        Assert.Equal("ne se retirent pas mais se repositionnent", Anchored(Quote("ne se retirent pas mais se repositionnent")));

    [Theory]
    [InlineData("réduire « radicalement » son activité")]
    [InlineData("réduire “radicalement” son activité")]
    [InlineData("réduire  \"radicalement\"   son activité")]
    [InlineData("réduire\u00a0\"radicalement\" son\u00a0activité")]
    public void Typed_quote_marks_and_spaces_do_not_matter(string typed) =>
        Assert.Equal("réduire \"radicalement\" son activité", Anchored(Quote(typed)));

    [Fact]
    public void Curly_apostrophe_anchors_on_a_straight_one() =>
        Assert.Equal("n'a avancé\" depuis trois semaines", Anchored(Quote("n’a avancé” depuis trois semaines")));

    [Fact]
    public void Quote_spanning_straight_and_angle_quote_marks_keeps_both() =>
        Assert.Equal(
            "« essaie de regrouper (ses forces) et de renforcer son offensive sur la région du Donbass et dans le même temps elle maintient la pression sur Kiev et d'autres villes\"",
            Anchored(Quote("\"essaie de regrouper (ses forces) et de renforcer son offensive sur la région du Donbass et dans le même temps elle maintient la pression sur Kiev et d'autres villes\"")));

    [Fact]
    public void Typos_of_the_article_must_be_quoted_as_they_are()
    {
        Assert.Equal("a déclaré le président ukrainie", Anchored(Quote("a déclaré le président ukrainie")));
        Assert.IsType<QuoteMatch.NotFound>(_finder.Find(Quote("a déclaré le président ukrainien,")));
    }

    [Fact]
    public void Misspelt_quote_is_not_found_and_the_closest_passage_is_a_hint()
    {
        var notFound = Assert.IsType<QuoteMatch.NotFound>(_finder.Find(Quote("réduire radicalment son activité")));

        // Paragraph 8 writes « réduire radicalement » son activité: one 'e' and one closing mark away.
        Assert.Equal("réduire radicalement » son activité", Seed[notFound.ClosestStart!.Value..notFound.ClosestEnd!.Value]);
        Assert.Equal(2, notFound.Distance);
    }

    [Fact]
    public void Repeated_words_are_ambiguous_and_every_place_is_listed()
    {
        var ambiguous = Assert.IsType<QuoteMatch.Ambiguous>(_finder.Find(Quote("La Russie a constamment menti")));

        Assert.Equal(2, ambiguous.Starts.Count);
        Assert.All(ambiguous.Starts, start => Assert.StartsWith("La Russie a constamment menti", Seed[start..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("poursuivies mercredi.", null, 2)]
    [InlineData(null, "sur ses intentions", 2)]
    [InlineData(null, null, 1)]
    public void Prefix_suffix_or_occurrence_pick_one_place(string? prefix, string? suffix, int occurrence)
    {
        var quote = prefix is null && suffix is null
            ? Quote("La Russie a constamment menti", occurrence: occurrence)
            : Quote("La Russie a constamment menti", prefix, suffix);
        var found = Assert.IsType<QuoteMatch.Found>(_finder.Find(quote));
        var all = Assert.IsType<QuoteMatch.Ambiguous>(_finder.Find(Quote("La Russie a constamment menti"))).Starts;

        Assert.Equal(all[occurrence - 1], found.Start);
    }

    [Fact]
    public void Occurrence_beyond_the_count_is_out_of_range() =>
        Assert.Equal(2, Assert.IsType<QuoteMatch.OccurrenceOutOfRange>(_finder.Find(Quote("La Russie a constamment menti", occurrence: 3))).Count);
}
