using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>`new claim`, TODO drafts and `--strict`, as an editor meets them.</summary>
public sealed class EditorWorkflowTests
{
    [Fact]
    public void New_claim_writes_a_draft_that_builds_with_todo_warnings_and_fails_under_strict()
    {
        using var project = TestProject.Minimal();

        var run = FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talks",
            "--quote", "Nous ne croyons personne", "--speaker", "spokesman");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote input/claims/nous-ne-croyons-personne.yml", run.Stdout, StringComparison.Ordinal);
        var written = project.Read("input/claims/nous-ne-croyons-personne.yml");
        Assert.StartsWith("# yaml-language-server: $schema=../../schema/claim.schema.json\n", written, StringComparison.Ordinal);
        Assert.Contains("quote: \"Nous ne croyons personne\"", written, StringComparison.Ordinal);
        Assert.Contains("speaker: spokesman", written, StringComparison.Ordinal);

        var draft = project.Build();
        Assert.True(draft.Succeeded, string.Join("\n", draft.Diagnostics));
        Assert.NotEmpty(draft.Diagnostics);
        Assert.All(draft.Diagnostics, d => Assert.Equal("FD0111", d.Code.Id));
        Assert.All(draft.Diagnostics, d => Assert.Equal("input/claims/nous-ne-croyons-personne.yml", d.Span.Path));
        var page = File.ReadAllText(Path.Combine(project.Output, "claims", "nous-ne-croyons-personne", "index.html"));
        Assert.Contains("draft-notice", page, StringComparison.Ordinal);
        Assert.DoesNotContain("application/ld+json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("nous-ne-croyons-personne", File.ReadAllText(Path.Combine(project.Output, "claims.json")), StringComparison.Ordinal);

        var strict = FactDossierProcess.Execute("check", "--strict", "--root", project.Root, "--theme", RepositoryPaths.Theme);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("input/claims/nous-ne-croyons-personne.yml(4,11): error FD0111: still to fill in: TODO", strict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void New_claim_offers_where_the_words_first_appeared_which_once_given_shows_beside_them()
    {
        using var project = TestProject.Minimal();
        FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talks", "--quote", "Nous ne croyons personne", "--speaker", "spokesman");
        const string File = "input/claims/nous-ne-croyons-personne.yml";
        var written = project.Read(File);
        var offer = Assert.Single(written.Split('\n'), l => l.StartsWith("  # first_appearance: (optional) ", StringComparison.Ordinal));

        project.Write(File, written.Replace(offer, "  first_appearance: https://example.org/déclaration", StringComparison.Ordinal));
        Assert.True(project.Build().Succeeded);

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.IO.File.ReadAllText(Path.Combine(project.Output, "claims", "nous-ne-croyons-personne", "index.html")));
        var link = page.QuerySelector("#statement .first-appearance a")!;
        Assert.Equal("https://example.org/d%C3%A9claration", link.GetAttribute("href")); // as ClaimReview's url gives it
        Assert.Equal("example.org", link.TextContent);
    }

    [Fact]
    public void New_claim_refuses_a_quote_that_is_not_in_the_article_with_the_build_hint()
    {
        using var project = TestProject.Minimal();

        var run = FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talks", "--quote", "réduire radicalment");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--quote(1,1): error FD0201: the quote is not in article 'talks'; closest passage (2 edits away)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("«réduire \"radicalement»", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["reduce.yml"], Directory.EnumerateFiles(project.PathOf("input/claims")).Select(Path.GetFileName));
    }

    [Fact]
    public void New_claim_refuses_an_ambiguous_quote_an_unknown_article_or_speaker_and_an_existing_id()
    {
        using var project = TestProject.Minimal();

        var ambiguous = FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talks", "--quote", "pas de retrait massif");
        var unknown = FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talk", "--quote", "x", "--speaker", "minster");
        var existing = FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talks", "--quote", "Nous ne croyons personne", "--id", "reduce");

        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("error FD0202: the quote appears 2 times", ambiguous.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--article(1,1): error FD0103: no article has the id 'talk'; did you mean 'talks'?", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("--speaker(1,1): error FD0102: no person has the id 'minster'; did you mean 'minister'?", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, existing.ExitCode);
        Assert.Contains("already exists; it is not overwritten", existing.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "minimal", "input", "claims", "reduce.yml")), project.Read("input/claims/reduce.yml"));
    }

    [Fact]
    public void New_claim_picks_a_free_id_when_the_quote_makes_one_already_taken()
    {
        using var project = TestProject.Minimal();
        project.Write("input/claims/nous-ne-croyons-personne.yml", project.Read("input/claims/reduce.yml"));

        var run = FactDossierProcess.Execute("new", "claim", "--root", project.Root, "--article", "talks", "--quote", "Nous ne croyons personne");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(project.PathOf("input/claims/nous-ne-croyons-personne-2.yml")));
    }
}
