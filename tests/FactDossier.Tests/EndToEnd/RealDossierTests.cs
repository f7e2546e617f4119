using FactDossier.Anchoring;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

public sealed class RealDossierSite() : BuiltSite(TestProject.RealDossier());

/// <summary>The repository's own dossier on its seed article, built as a reader would get it.</summary>
public sealed class RealDossierTests(RealDossierSite site) : IClassFixture<RealDossierSite>
{
    private static readonly Dossier Dossier = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!;

    [Fact]
    public void Builds_with_no_error_and_no_warning() =>
        Assert.Empty(site.Result.Diagnostics);

    [Theory]
    [InlineData("cavusoglu-lavrov-kuleba-meeting")]
    [InlineData("cavusoglu-ceasefire-under-arms")]
    [InlineData("stoltenberg-repositioning")]
    [InlineData("stoltenberg-donbas-regroup")]
    [InlineData("stoltenberg-russia-lied")]
    [InlineData("stoltenberg-little-will")]
    [InlineData("moscow-radically-reduce")]
    [InlineData("zelensky-believe-no-one")]
    [InlineData("zelensky-cede-nothing")]
    [InlineData("motuzyanyk-no-massive-withdrawal")]
    [InlineData("le-drian-nothing-advanced")]
    [InlineData("le-drian-no-act")]
    [InlineData("le-drian-rebuild-forces")]
    [InlineData("le-drian-trust-is-acts")]
    [InlineData("ukraine-neutrality-for-guarantees")]
    [InlineData("chaly-permanent-neutrality")]
    [InlineData("negotiators-summit-ready")]
    [InlineData("kyiv-crimea-15-years")]
    [InlineData("article-wednesday-negotiations")]
    public void Every_attributed_statement_of_the_article_has_its_claim_page(string id)
    {
        var page = site.Page($"claims/{id}/index.html");

        Assert.NotNull(page.GetElementById("statement"));
        Assert.Contains(site.Page("index.html").QuerySelectorAll(".claim-card h3 a"), a => a.GetAttribute("href") == $"/claims/{id}/");
    }

    [Fact]
    public void Every_quote_said_to_come_from_an_article_is_anchored_in_it()
    {
        var (anchored, diagnostics) = QuoteAnchorer.Anchor(Dossier);
        Assert.Empty(diagnostics);
        var articles = Dossier.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var claim in Dossier.Claims)
        {
            var quotes = claim.CounterStatements
                .Where(c => c.Quote is not null)
                .Select(c => (c.Index, c.Source))
                .Prepend((Index: 0, claim.Statement.Source));
            foreach (var (index, source) in quotes.Where(q => articles.Contains(q.Source?.Value ?? claim.Article.Value)))
            {
                Assert.True(anchored.AnchorOf(claim.Id, index) is not null, $"{claim.Id}: quote {index} is not anchored");
            }
        }

        Assert.True(anchored.Anchors.Length >= Dossier.Claims.Length);
    }

    [Fact]
    public void Central_claim_sets_radicalement_beside_pas_de_retrait_massif()
    {
        var page = site.Page("claims/moscow-radically-reduce/index.html");

        Assert.Contains("radicalement", page.QuerySelector(".side-statement blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".side-counter blockquote"), b => b.TextContent == "pas de retrait massif de troupes russes de ces zones");
        Assert.Equal("contradicts", page.QuerySelector(".side-counter .quote")!.ClassList.Single(c => c.StartsWith("quote-", StringComparison.Ordinal))[6..]);
    }

    [Fact]
    public void A_not_checkable_claim_is_published_by_its_rating_s_name_alone_and_the_scale_runs_over_the_checkable_ratings()
    {
        using var json = System.Text.Json.JsonDocument.Parse(site.Text("claims.json"));
        var root = json.RootElement;
        var scale = root.GetProperty("ratingScale").EnumerateArray().ToList();
        var notCheckable = Assert.Single(scale, r => !r.GetProperty("checkable").GetBoolean());
        Assert.Equal("not-checkable", notCheckable.GetProperty("key").GetString());
        Assert.False(notCheckable.TryGetProperty("ratingValue", out _));
        Assert.Equal(6, root.GetProperty("bestRating").GetInt32());
        Assert.Equal(2, root.GetProperty("worstRating").GetInt32());

        var ratings = root.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("claimReview").GetProperty("reviewRating")).ToList();
        var unrated = ratings.Where(r => r.GetProperty("alternateName").GetString() == "Not checkable").ToList();
        Assert.NotEmpty(unrated);
        Assert.All(unrated, r => Assert.Equal(["@type", "alternateName"], r.EnumerateObject().Select(p => p.Name)));
        Assert.All(ratings.Except(unrated), r =>
        {
            Assert.InRange(r.GetProperty("ratingValue").GetInt32(), 2, 6);
            Assert.Equal(6, r.GetProperty("bestRating").GetInt32());
            Assert.Equal(2, r.GetProperty("worstRating").GetInt32());
        });

        // The page's JSON-LD says the same.
        var page = site.Page($"claims/{Dossier.Claims.First(c => c.Verdict.Rating.Value == "not-checkable").Id}/index.html");
        using var ld = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(ld.RootElement.GetProperty("reviewRating").TryGetProperty("ratingValue", out _));
    }

    private static readonly string[] RelationOrder = ["contradicts", "qualifies", "supports"];

    [Fact]
    public void Each_claim_page_titles_its_second_column_for_what_it_holds_grouped_by_relation()
    {
        var headings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in Dossier.Claims.Where(c => c.CounterStatements.Length > 0))
        {
            var column = site.Page($"claims/{claim.Id}/index.html").QuerySelector(".side-counter")!;
            var relations = claim.CounterStatements.Select(c => c.Relation.ToString().ToLowerInvariant()).ToList();
            var groups = column.QuerySelectorAll("h3.relation-heading").Select(RelationOf).ToList();

            Assert.Equal(RelationOrder.Where(relations.Contains), groups);
            var heading = column.QuerySelector("h2")!.TextContent;
            Assert.Equal(groups.Count == 1 ? $"What {groups[0]} it" : "What was said in reply", heading);
            headings.Add(heading);
            // Under each group's heading, its quotes and only them; all of the claim's counter-statements once.
            var quotes = column.QuerySelectorAll(".quote").ToList();
            Assert.Equal(relations.Count, quotes.Count);
            Assert.All(quotes, q => Assert.Equal(RelationOf(GroupHeadingOf(q)), q.ClassList.Single(c => c.StartsWith("quote-", StringComparison.Ordinal))[6..]));
        }

        Assert.Contains("What was said in reply", headings);
        Assert.Contains("What supports it", headings); // some claims of the seed are only supported

        static string RelationOf(AngleSharp.Dom.IElement heading) =>
            heading.ClassList.Single(c => c.StartsWith("relation-", StringComparison.Ordinal) && c != "relation-heading")["relation-".Length..];

        static AngleSharp.Dom.IElement GroupHeadingOf(AngleSharp.Dom.IElement quote)
        {
            var e = quote.PreviousElementSibling;
            while (e is not null && e.LocalName != "h3")
            {
                e = e.PreviousElementSibling;
            }

            return e ?? throw new InvalidOperationException("a quote before any group heading");
        }
    }

    /// <summary>
    /// Where a statement's words first appeared (NATO's transcript of the press conference) is shown beside them and is
    /// ClaimReview's <c>itemReviewed.firstAppearance</c>; a reply's is shown beside the reply.
    /// </summary>
    [Fact]
    public void A_statement_and_a_reply_show_where_their_words_first_appeared_and_claim_review_names_the_statement_s()
    {
        const string Nato = "https://www.nato.int/cps/en/natohq/opinions_193943.htm?selectedLocale=en";
        var lied = site.Page("claims/stoltenberg-russia-lied/index.html");
        var link = lied.QuerySelector("#statement .first-appearance a")!;
        Assert.Equal((Nato, "www.nato.int"), (link.GetAttribute("href"), link.TextContent));
        using var json = System.Text.Json.JsonDocument.Parse(lied.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var first = json.RootElement.GetProperty("itemReviewed").GetProperty("firstAppearance");
        Assert.Equal(("CreativeWork", Nato), (first.GetProperty("@type").GetString(), first.GetProperty("url").GetString()));

        var reduce = site.Page("claims/moscow-radically-reduce/index.html");
        Assert.Null(reduce.QuerySelector("#statement .first-appearance")); // Fomin's words: no address of their own seen
        Assert.Equal(Nato, reduce.QuerySelector("#counter-2 .first-appearance a")!.GetAttribute("href"));
        using var reduceJson = System.Text.Json.JsonDocument.Parse(reduce.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(reduceJson.RootElement.GetProperty("itemReviewed").TryGetProperty("firstAppearance", out _));
    }

    [Fact]
    public void Every_claim_page_links_to_its_own_yaml_file_for_suggestions()
    {
        foreach (var claim in Dossier.Claims)
        {
            var link = site.Page($"claims/{claim.Id}/index.html").QuerySelector("a.suggest")!.GetAttribute("href");
            Assert.EndsWith($"/blob/main/input/claims/{claim.Id}.yml", link, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "input", "claims", claim.Id + ".yml")));
        }
    }

    [Fact]
    public void Every_claim_has_a_counter_statement_or_corroboration_and_a_source()
    {
        foreach (var claim in Dossier.Claims)
        {
            Assert.True(claim.CounterStatements.Length > 0, $"{claim.Id} has no counter-statement");
            var page = site.Page($"claims/{claim.Id}/index.html");
            Assert.True(page.QuerySelectorAll(".source-list li").Length >= 1, $"{claim.Id} cites no source");
        }
    }

    [Fact]
    public void Every_speaker_is_a_person_of_the_dossier_with_a_page()
    {
        var people = Dossier.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var speakers = Dossier.Claims.SelectMany(c => c.CounterStatements.Select(s => s.Speaker).Prepend(c.Statement.Speaker)).OfType<Located<string>>();

        Assert.All(speakers, s => Assert.Contains(s.Value, people));
        Assert.All(people, id => Assert.True(File.Exists(Path.Combine(site.Output, "people", id, "index.html")), id));
    }

    [Fact]
    public void The_article_claims_check_the_article_itself()
    {
        var claim = Dossier.Claims.Single(c => c.Id == "article-wednesday-negotiations");

        Assert.Contains("les négociations de mercredi", claim.Statement.Quote.Exact.Value, StringComparison.Ordinal);
        Assert.Equal("inaccurate", claim.Verdict.Rating.Value);
    }

    [Fact]
    public void Every_link_of_the_site_resolves_at_the_root_and_under_a_sub_folder()
    {
        Assert.Empty(LinkIntegrityTests.BrokenLinks(site.Output, "/"));

        using var project = TestProject.RealDossier();
        Assert.True(project.Build("/factdossier/").Succeeded);
        Assert.Empty(LinkIntegrityTests.BrokenLinks(project.Output, "/factdossier/"));
    }

    [Fact]
    public void Building_the_real_dossier_twice_is_byte_identical_and_a_broken_quote_changes_nothing()
    {
        using var project = TestProject.RealDossier();
        Assert.True(project.Build().Succeeded);
        var first = OutputSnapshot.Of(project.Output);
        Assert.True(project.Build().Succeeded);
        OutputSnapshot.AssertIdentical(first, OutputSnapshot.Of(project.Output));

        const string Claim = "input/claims/moscow-radically-reduce.yml";
        project.Write(Claim, project.Read(Claim).Replace("pas de retrait massif", "pas de retrait masif", StringComparison.Ordinal));
        var broken = project.Build();

        var error = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal("FD0201", error.Code.Id);
        Assert.Equal(Claim, error.Span.Path);
        Assert.Contains("«pas de retrait massif", error.Message, StringComparison.Ordinal);
        OutputSnapshot.AssertIdentical(first, OutputSnapshot.Of(project.Output));
    }
}
