using FactDossier.Diagnostics;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Validation;

/// <summary>
/// One bad file per diagnostic, dropped into a copy of the valid minimal project: the build must report exactly that
/// problem, at the offending node's line and column, and nothing else.
/// </summary>
public sealed class InvalidFixtureTests
{
    [Theory]
    [InlineData("claims/yaml-unclosed-flow.yml", "FD0002", 16, 7, "never closed with ']'")]
    [InlineData("claims/yaml-bad-indent.yml", "FD0002", 6, 2, "did not find expected key")]
    [InlineData("claims/yaml-unclosed-quote.yml", "FD0002", 15, 12, "quoted scalar")]
    [InlineData("claims/yaml-tab.yml", "FD0002", 4, 1, "tab")]
    [InlineData("claims/yaml-colon-in-value.yml", "FD0002", 15, 19, "invalid mapping")]
    [InlineData("claims/wrong-type-statement.yml", "FD0003", 3, 12, "must be a set of 'field: value' lines")]
    [InlineData("claims/wrong-type-tags.yml", "FD0003", 16, 7, "'tags' must be a list")]
    [InlineData("claims/wrong-type-quote.yml", "FD0003", 6, 5, "'quote' must be text, not a list")]
    [InlineData("claims/missing-headline.yml", "FD0004", 1, 1, "no 'headline'")]
    [InlineData("claims/missing-verdict-rating.yml", "FD0004", 14, 3, "'verdict' has no 'rating'")]
    [InlineData("claims/missing-published-on.yml", "FD0004", 1, 1, "no 'published_on'")]
    [InlineData("claims/missing-relation.yml", "FD0004", 8, 5, "no 'relation'")]
    [InlineData("claims/unknown-field.yml", "FD0005", 2, 1, "did you mean 'headline'?")]
    [InlineData("claims/unknown-field-nested.yml", "FD0005", 6, 3, "did you mean 'said_on'?")]
    [InlineData("claims/first-appearance-without-quote.yml", "FD0005", 10, 5, "there is no 'quote' here")]
    [InlineData("claims/first-appearance-not-a-url.yml", "FD0008", 7, 21, "not an absolute http(s) URL")]
    [InlineData("claims/duplicate-key.yml", "FD0006", 7, 3, "'speaker' is written twice")]
    [InlineData("claims/impossible-date.yml", "FD0007", 6, 12, "February 2022 has 28 days")]
    [InlineData("claims/date-format.yml", "FD0007", 6, 12, "YYYY-MM-DD")]
    [InlineData("claims/empty-quote.yml", "FD0009", 5, 10, "'quote' is empty")]
    [InlineData("claims/invalid-tag-id.yml", "FD0010", 16, 14, "'Kyiv Region' is not a valid id")]
    [InlineData("claims/invalid-relation.yml", "FD0011", 11, 15, "did you mean 'contradicts'?")]
    [InlineData("claims/invalid-occurrence.yml", "FD0013", 10, 17, "whole number")]
    [InlineData("claims/headline-too-long.yml", "FD0014", 2, 11, "more than 74")]
    [InlineData("sources/bad-language.yml", "FD0015", 3, 11, "'French' is not a language code")]
    [InlineData("claims/id-mismatch.yml", "FD0106", 1, 5, "differs from the file name")]
    [InlineData("claims/neither-quote-nor-text.yml", "FD0107", 8, 5, "neither 'quote' nor 'text'")]
    [InlineData("claims/unknown-speaker.yml", "FD0102", 4, 12, "did you mean 'minister'?")]
    [InlineData("claims/unknown-article.yml", "FD0103", 1, 10, "no article has the id 'talks-2022'")]
    [InlineData("claims/unknown-source.yml", "FD0104", 17, 11, "did you mean 'wire'?")]
    [InlineData("claims/unknown-rating.yml", "FD0105", 14, 11, "no rating has the id 'false'")]
    [InlineData("claims/said-after-article.yml", "FD0109", 12, 14, "after article 'talks'")]
    [InlineData("claims/paragraph-out-of-range.yml", "FD0110", 15, 16, "article 'talks' has 3")]
    [InlineData("claims/page.yml", "FD0112", 1, 1, "may not be called 'page'")]
    [InlineData("claims/quote-not-found.yml", "FD0201", 5, 10, "closest passage (1 edit away)")]
    [InlineData("claims/prefix-mismatch.yml", "FD0201", 9, 12, "never with this prefix/suffix")]
    [InlineData("claims/quote-ambiguous.yml", "FD0202", 9, 12, "appears 2 times")]
    [InlineData("claims/occurrence-out-of-range.yml", "FD0203", 9, 12, "appears 2 time(s)")]
    [InlineData("sources/bad-url.yml", "FD0008", 4, 6, "not an absolute http(s) URL")]
    [InlineData("sources/javascript-url.yml", "FD0008", 3, 6, "'javascript:alert(1)'")]
    [InlineData("people/bad-wikidata.yml", "FD0010", 3, 11, "not a Wikidata id")]
    [InlineData("people/bad-kind.yml", "FD0011", 2, 7, "did you mean 'person'?")]
    [InlineData("articles/missing-seed.yml", "FD0012", 4, 7, "'seeds/missing.txt' does not exist")]
    [InlineData("articles/not-checked-typo.yml", "FD0201", 6, 12, "closest passage (1 edit away)")]
    [InlineData("articles/not-checked-ambiguous.yml", "FD0202", 6, 12, "appears 2 times")]
    [InlineData("articles/not-checked-no-reason.yml", "FD0004", 6, 5, "a passage not checked has no 'reason'")]
    [InlineData("articles/not-checked-misspelt.yml", "FD0005", 7, 5, "did you mean 'reason'?")]
    public void Bad_file_reports_its_one_problem_at_the_offending_node(string fixture, string code, int line, int column, string messagePart)
    {
        using var project = TestProject.Minimal();
        var path = project.UseInvalidFixture(fixture);

        var errors = project.Errors();

        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code.Id);
        Assert.Equal(new SourceSpan(path, line, column), error.Span);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site/duplicate-rating-value.yml", "FD0108", 18, 10, "same value 2")]
    [InlineData("site/bad-language.yml", "FD0011", 2, 11, "'de' is not a valid language")]
    [InlineData("site/zero-page-size.yml", "FD0013", 23, 11, "'pagination.claims' must be at least 1")]
    [InlineData("site/zero-site-size.yml", "FD0013", 22, 19, "'max_site_size_mb' must be at least 1")]
    [InlineData("site/one-checkable-rating.yml", "FD0108", 14, 10, "at least two checkable ratings")]
    [InlineData("site/checkable-not-a-boolean.yml", "FD0011", 22, 16, "'maybe'")]
    [InlineData("site/bad-tone.yml", "FD0011", 22, 11, "'false-ish' is not a valid tone")]
    [InlineData("site/long-mark.yml", "FD0014", 22, 11, "'mark' has 4 characters, more than 3")]
    [InlineData("site/reported-speech-language.yml", "FD0015", 23, 3, "'French' in 'reported_speech' is not a language code")]
    public void Bad_site_settings_report_their_problem(string fixture, string code, int line, int column, string messagePart)
    {
        using var project = TestProject.Minimal();
        File.Copy(TestProject.InvalidFixture(fixture), project.PathOf("input/site.yml"), overwrite: true);

        var error = Assert.Single(project.Errors());

        Assert.Equal(code, error.Code.Id);
        Assert.Equal(new SourceSpan("input/site.yml", line, column), error.Span);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false-ish", "'false-ish' is not a valid tone")]
    [InlineData("suported", "'suported' is not a valid tone; did you mean 'supported'?")]
    public void A_bad_tone_is_reported_at_its_value_with_the_valid_tones(string tone, string message)
    {
        using var project = TestProject.Minimal();
        File.WriteAllText(project.PathOf("input/site.yml"), File.ReadAllText(TestProject.InvalidFixture("site/bad-tone.yml")).Replace("false-ish", tone, StringComparison.Ordinal));

        var error = Assert.Single(project.Errors());

        Assert.Equal(("FD0011", new SourceSpan("input/site.yml", 22, 11), message), (error.Code.Id, error.Span, error.Message));
        Assert.Equal("use one of: supported, mixed, refuted, not-rated", error.Hint);
    }

    [Fact]
    public void File_that_is_not_utf8_is_reported_at_its_first_bad_byte()
    {
        using var project = TestProject.Minimal();
        // Saved as Latin-1, 'é' is the single byte 0xE9, which UTF-8 does not allow there.
        var bytes = System.Text.Encoding.Latin1.GetBytes("name: Jean-Yves Le Drian\nrole: Ministre des Affaires \u00e9trang\u00e8res\n");
        project.WriteBytes("input/people/le-drian.yml", bytes);

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0001", error.Code.Id);
        Assert.Equal(new SourceSpan("input/people/le-drian.yml", 2, 29), error.Span);
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-03-01", "before article 'talks'")]
    [InlineData("2022-04-03", "a correction is dated 2022-04-02, before")]
    public void A_fact_check_published_before_its_article_or_after_its_corrections_is_reported(string publishedOn, string messagePart)
    {
        using var project = TestProject.Minimal();
        project.Write("input/claims/reduce.yml", project.Read("input/claims/reduce.yml").Replace("published_on: 2022-04-01", $"published_on: {publishedOn}", StringComparison.Ordinal));

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0109", error.Code.Id);
        Assert.Equal(new SourceSpan("input/claims/reduce.yml", 31, 15), error.Span);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("page")]
    [InlineData("verdicts")]
    public void A_page_named_as_a_folder_of_the_site_is_reported(string slug)
    {
        using var project = TestProject.Minimal();
        project.Write($"input/pages/{slug}.md", project.Read("input/pages/about.md"));

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0112", error.Code.Id);
        Assert.Equal($"input/pages/{slug}.md", error.Span.Path);
        Assert.Contains($"may not be called '{slug}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_claims_with_one_id_in_different_folders_are_reported()
    {
        using var project = TestProject.Minimal();
        project.Write("input/claims/2022-03/reduce.yml", project.Read("input/claims/reduce.yml"));

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0101", error.Code.Id);
        Assert.Equal("input/claims/reduce.yml", error.Span.Path);
        Assert.Contains("input/claims/2022-03/reduce.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_articles_with_one_id_in_different_folders_are_reported_not_a_crash()
    {
        using var project = TestProject.Minimal();
        project.Write("input/articles/2022/talks.yml", project.Read("input/articles/talks.yml"));

        var error = Assert.Single(project.Errors());

        Assert.Equal(("FD0101", "input/articles/talks.yml"), (error.Code.Id, error.Span.Path));
        Assert.Contains("input/articles/2022/talks.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_every_file_is_reported_in_one_run_sorted_by_path_and_line()
    {
        using var project = TestProject.Minimal();
        project.UseInvalidFixture("claims/unknown-speaker.yml");
        project.UseInvalidFixture("claims/unknown-rating.yml");
        project.UseInvalidFixture("claims/quote-ambiguous.yml");
        project.UseInvalidFixture("claims/quote-not-found.yml");

        var errors = project.Errors();

        Assert.Equal(
            ["input/claims/quote-ambiguous.yml", "input/claims/quote-not-found.yml", "input/claims/unknown-rating.yml", "input/claims/unknown-speaker.yml"],
            errors.Select(e => e.Span.Path));
        Assert.Equal(errors.OrderBy(e => e.Span.Path, StringComparer.Ordinal).ThenBy(e => e.Span.Line), errors);
    }

    [Fact]
    public void Missing_input_folder_is_an_error_not_a_crash()
    {
        using var project = TestProject.Minimal();
        Directory.Delete(project.PathOf("input"), recursive: true);

        var error = Assert.Single(project.Errors());

        Assert.Equal("FD0012", error.Code.Id);
    }
}
