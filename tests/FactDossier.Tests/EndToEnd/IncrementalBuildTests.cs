using System.Text.RegularExpressions;
using FactDossier.Building;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// The preview rebuilds only what an edit affects. Whatever it skips, its output must be the output of a full build
/// of the same input, byte for byte.
/// </summary>
public sealed class IncrementalBuildTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";

    private static readonly string[] EditKinds =
    [
        "headline", "quote", "quote moves", "rating", "tags", "speaker", "date", "sources", "explanation", "add", "delete", "two claims", "one edit after another", "break and repair",
    ];

    /// <summary>Each edit, on the seed dossier and on the same with every list cut into several pages.</summary>
    public static TheoryData<string, bool> Edits()
    {
        var data = new TheoryData<string, bool>();
        foreach (var edit in EditKinds)
        {
            data.Add(edit, false);
            data.Add(edit, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_incremental_rebuild_writes_what_a_full_build_writes(string edit, bool paginated)
    {
        using var preview = new Preview(paginated);
        var project = preview.Project;
        Assert.True(preview.Build().Succeeded);
        Assert.Equal("full", preview.Memory.LastKind);
        var original = project.Read(Claim);

        Edit(preview, edit, original);
        var incremental = preview.Build();

        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.StartsWith("incremental", preview.Memory.LastKind, StringComparison.Ordinal);
        preview.Memory.FinishBackgroundWork();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(project.Output)!, ".output.*")); // replaced files deleted, no journal left
        using var reference = TestProject.RealDossier();
        Copy(project, reference, "input");
        Assert.True(reference.Build().Succeeded);
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(reference.Output), OutputSnapshot.Of(project.Output));
    }

    /// <summary>
    /// At a few hundred claims: several files of search results, tag and list pages of several pages, an answers chart
    /// with "others". What the preview keeps of each (the counts, the reading order, the search index's files, the
    /// sitemap) must still give a full build's output.
    /// </summary>
    [Theory]
    [InlineData("headline")]
    [InlineData("rating")]
    [InlineData("speaker")]
    [InlineData("tags")]
    [InlineData("quote moves")]
    [InlineData("delete")]
    public void An_incremental_rebuild_of_a_larger_dossier_writes_what_a_full_build_writes(string edit)
    {
        using var preview = new Preview(() => TestProject.ClonedDossier(240));
        var project = preview.Project;
        Assert.True(preview.Build().Succeeded);
        var original = project.Read(Claim);

        Edit(preview, edit, original);
        var incremental = preview.Build();

        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.StartsWith("incremental", preview.Memory.LastKind, StringComparison.Ordinal);
        AssertSameAsFullBuild(project);
    }

    /// <summary>
    /// Found by review: a month's first page kept by its signature while another month lost a day kept an older list of
    /// the month's entries, and a later edit that moved entries back was compared with it: pages showing the wrong
    /// entries were kept.
    /// </summary>
    [Fact]
    public void Timeline_pages_after_edits_that_move_quotes_between_days_and_back_are_a_full_builds()
    {
        using var preview = new Preview(paginated: true);
        var project = preview.Project;
        const string Moving = "input/claims/ukraine-neutrality-for-guarantees.yml";
        const string April = "input/claims/motuzyanyk-no-massive-withdrawal.yml";
        project.Write(Moving, First(project.Read(Moving), "\n  said_on: 2022-03-29\n", "\n  said_on: 2022-03-31\n"));
        project.Write(April, Edited(project.Read(April), "said_on: 2022-03-30", "said_on: 2022-03-31"));
        Assert.True(preview.Build().Succeeded);
        project.Write(Claim, Edited(project.Read(Claim), "headline: Russian attacks", "headline: Attacks"));
        Assert.True(preview.Build().Succeeded);
        var before = project.Read(Moving);

        // A counter-statement to another day of March (the days after it shift by one), an April quote to another day.
        project.Write(Moving, First(before, "\n    said_on: 2022-03-29\n", "\n    said_on: 2022-03-31\n"));
        project.Write(April, Edited(project.Read(April), "    said_on: 2022-04-01", "    said_on: 2022-04-02"));
        Assert.True(preview.Build().Succeeded);
        AssertSameAsFullBuild(project);
        project.Write(Moving, before);
        Assert.True(preview.Build().Succeeded);

        Assert.StartsWith("incremental", preview.Memory.LastKind, StringComparison.Ordinal);
        AssertSameAsFullBuild(project);
    }

    /// <summary>
    /// An edit that adds thousands of terms splits the search index's shards into more files, and undoing it joins them
    /// again: the files no longer made are deleted, though the site's pages are the same ones.
    /// </summary>
    [Fact]
    public void Search_files_an_edit_made_are_deleted_when_the_next_edit_makes_them_no_more()
    {
        using var preview = new Preview(paginated: false);
        var project = preview.Project;
        Assert.True(preview.Build().Succeeded);
        var original = project.Read(Claim);
        int Shards() => Directory.GetFiles(project.PathOf("output/search/terms")).Length;
        var shards = Shards();

        var words = string.Join(' ', Enumerable.Range(0, 6000).Select(i => $"zq{i:0000}"));
        project.Write(Claim, Edited(original, "  translation: Russian attacks", $"  translation: {words} Russian attacks"));
        var split = preview.Build();
        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
        Assert.True(Shards() > shards, $"{Shards()} shards, as before");
        project.Write(Claim, original);
        Assert.True(preview.Build().Succeeded);

        Assert.StartsWith("incremental", preview.Memory.LastKind, StringComparison.Ordinal);
        Assert.Equal(shards, Shards());
        AssertSameAsFullBuild(project);
    }

    private static string First(string text, string passage, string replacement)
    {
        var at = text.IndexOf(passage, StringComparison.Ordinal);
        Assert.True(at >= 0, passage);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + passage.Length));
    }

    private static void AssertSameAsFullBuild(TestProject project)
    {
        using var reference = TestProject.RealDossier();
        Copy(project, reference, "input");
        Assert.True(reference.Build().Succeeded);
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(reference.Output), OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void A_preview_with_a_base_url_rebuilds_incrementally_what_a_full_build_writes()
    {
        var baseUrl = new Uri("https://example.org/dossier/");
        using var preview = new Preview(TestProject.RealDossier) { BaseUrl = baseUrl };
        var project = preview.Project;
        Assert.True(preview.Build().Succeeded);

        Edit(preview, "headline", project.Read(Claim));
        var incremental = preview.Build();

        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.StartsWith("incremental", preview.Memory.LastKind, StringComparison.Ordinal);
        using var reference = TestProject.RealDossier();
        Copy(project, reference, "input");
        Assert.True(SiteBuilder.Build(new BuildOptions(reference.Layout) { BaseUrl = baseUrl }).Succeeded);
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(reference.Output), OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void A_problem_in_a_claim_not_edited_is_reported_again_after_another_claim_is_edited()
    {
        using var preview = new Preview();
        var project = preview.Project;
        Assert.True(preview.Build().Succeeded);
        const string Broken = "input/claims/stoltenberg-little-will.yml";
        project.Write(Broken, Edited(project.Read(Broken), "speaker: dmitry-peskov", "speaker: dmitri-peskov"));
        var first = preview.Build();
        project.Write(Claim, Edited(project.Read(Claim), "headline: Russian attacks", "headline: Attacks"));

        var second = preview.Build();

        Assert.False(second.Succeeded);
        Assert.Equal(first.Diagnostics.Where(d => d.IsError), second.Diagnostics.Where(d => d.IsError));
        var error = Assert.Single(second.Diagnostics, d => d.IsError);
        Assert.Equal(("FD0102", Broken), (error.Code.Id, error.Span.Path));
    }

    [Fact]
    public void Deleting_a_person_reports_every_unchanged_claim_that_quotes_them()
    {
        using var preview = new Preview();
        var project = preview.Project;
        Assert.True(preview.Build().Succeeded);
        var quoting = Directory.EnumerateFiles(project.PathOf("input/claims"), "*.yml")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"(?m)^\s*-? *speaker: dmitry-peskov\s*$"))
            .Select(f => "input/claims/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.True(quoting.Count >= 2);
        project.Delete("input/people/dmitry-peskov.yml");

        var result = preview.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(quoting, result.Diagnostics.Where(d => d.Code.Id == "FD0102").Select(d => d.Span.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_pages_that_show_the_edited_claim_are_rendered_again()
    {
        using var preview = new Preview();
        var project = preview.Project;
        var full = preview.Build();
        project.Write(Claim, project.Read(Claim).Replace("headline: Russian attacks", "headline: Attacks", StringComparison.Ordinal));
        var before = OutputSnapshot.Of(project.Output);

        var rendered = preview.Build().Stats.Rendered;

        var after = OutputSnapshot.Of(project.Output);
        var rewritten = after.Where(f => !before[f.Key].AsSpan().SequenceEqual(f.Value)).Select(f => f.Key).ToList();
        Assert.Contains("claims/article-attacks-continued/index.html", rewritten);
        Assert.Contains("index.html", rewritten);
        Assert.DoesNotContain("claims/cavusoglu-ceasefire-under-arms/index.html", rewritten);
        Assert.InRange(rendered, rewritten.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), full.Stats.Pages / 2);
    }

    [Fact]
    public void Deleting_a_claim_that_another_claim_links_to_fails_and_leaves_the_site_as_it_was()
    {
        using var preview = new Preview();
        var project = preview.Project;
        preview.Build();
        var before = OutputSnapshot.Of(project.Output);
        project.Delete(Claim);

        var result = preview.Build();

        AssertOneBrokenLink(result, "output/claims/article-moscow-backtracked/index.html");
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void An_edit_that_breaks_a_link_of_its_own_pages_fails_and_leaves_the_site_as_it_was()
    {
        using var preview = new Preview();
        var project = preview.Project;
        preview.Build();
        var before = OutputSnapshot.Of(project.Output);
        project.Write(Claim, project.Read(Claim).Replace("In Chernihiv the attacks plainly continued.",
            "In Chernihiv the attacks plainly continued (see [the claim](/claims/no-such-claim/)).", StringComparison.Ordinal));

        var result = preview.Build();

        AssertOneBrokenLink(result, "output/claims/article-attacks-continued/index.html");
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(project.Output)!, ".output.*")); // no staging left behind
    }

    [Fact]
    public void An_edit_that_removes_an_id_a_page_not_rendered_again_links_to_fails()
    {
        using var preview = new Preview();
        var project = preview.Project;
        const string Linking = "input/claims/article-moscow-backtracked.yml";
        project.Write(Linking, project.Read(Linking).Replace("(/claims/article-attacks-continued/)", "(/claims/article-attacks-continued/#counter-5)", StringComparison.Ordinal));
        Assert.True(preview.Build().Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        var original = project.Read(Claim);
        var lastCounter = original.IndexOf("  - speaker: uk-ministry-of-defence", StringComparison.Ordinal);
        project.Write(Claim, original[..lastCounter] + original[original.IndexOf("verdict:", lastCounter, StringComparison.Ordinal)..]);

        var result = preview.Build();

        var error = AssertOneBrokenLink(result, "output/claims/article-moscow-backtracked/index.html");
        Assert.Contains("#counter-5", error.Message, StringComparison.Ordinal);
        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
    }

    [Fact]
    public void An_edit_outside_the_claims_makes_a_full_build()
    {
        using var preview = new Preview();
        preview.Build();
        var person = Directory.EnumerateFiles(preview.Project.PathOf("input/people")).Order(StringComparer.Ordinal).First();
        File.WriteAllText(person, Regex.Replace(File.ReadAllText(person), "(?m)^name: (.*)$", "name: $1 (edited)"));

        Assert.True(preview.Build().Succeeded);
        Assert.Equal("full", preview.Memory.LastKind);
    }

    /// <summary>The build's only error: a broken link (FD0401) on the given page.</summary>
    private static Diagnostics.Diagnostic AssertOneBrokenLink(BuildResult result, string page)
    {
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("FD0401", error.Code.Id);
        Assert.Equal(page, error.Span.Path);
        return error;
    }

    private static void Edit(Preview preview, string edit, string original)
    {
        var project = preview.Project;
        switch (edit)
        {
            case "headline":
                project.Write(Claim, Edited(original, "headline: Russian attacks", "headline: Attacks"));
                break;
            case "quote": // the statement's highlight in the article gets shorter
                project.Write(Claim, Edited(original, "  quote: Les attaques russes contre ces deux villes du nord de l'Ukraine se sont en effet poursuivies mercredi", "  quote: Les attaques russes contre ces deux villes"));
                break;
            case "quote moves": // to another paragraph of the same article: the one it leaves loses its highlight
                project.Write(Claim, Edited(original, "  quote: Les attaques russes contre ces deux villes du nord de l'Ukraine se sont en effet poursuivies mercredi", "  quote: Même son de cloche mercredi soir pour Volodymyr Zelensky"));
                break;
            case "rating":
                project.Write(Claim, Edited(original, "  rating: accurate", "  rating: misleading"));
                break;
            case "tags": // one tag dropped, one that no other claim has
                project.Write(Claim, Edited(original, "tags: [article-accuracy, kyiv, chernihiv]", "tags: [article-accuracy, chernihiv, shelling-only-here]"));
                break;
            case "speaker":
                project.Write(Claim, Edited(original, "  - speaker: vladyslav-atroshenko", "  - speaker: dmitry-peskov"));
                break;
            case "date": // a quote moves to another day of the timeline, and to another place on its speaker's page
                project.Write(Claim, Edited(original, "    said_on: 2022-03-30\n    venue: Remarks reported by CNN", "    said_on: 2022-03-29\n    venue: Remarks reported by CNN"));
                break;
            case "sources": // a source no longer cited by this claim: its entry on the sources page loses a claim
                project.Write(Claim, Edited(original, "sources: [interfax-ua-2022-03-30-chernihiv, deccanherald-2022-03-30-chernihiv, ", "sources: [interfax-ua-2022-03-30-chernihiv, "));
                break;
            case "explanation":
                project.Write(Claim, Edited(original, "In Chernihiv the attacks plainly continued.", "In Chernihiv the attacks continued, see [the timeline](/timeline/)."));
                break;
            case "add":
                project.Write("input/claims/added-for-the-test.yml", Edited(original, "headline: Russian attacks", "headline: More attacks"));
                break;
            case "delete": // one no other claim links to (deleting the claim under edit breaks a link: see below)
                project.Delete("input/claims/cavusoglu-lavrov-kuleba-meeting.yml");
                break;
            case "two claims":
                project.Write(Claim, Edited(original, "  rating: accurate", "  rating: misleading"));
                var other = Directory.EnumerateFiles(project.PathOf("input/claims")).Order(StringComparer.Ordinal).Last();
                File.WriteAllText(other, Regex.Replace(File.ReadAllText(other), "(?m)^headline: .*$", "headline: A second edited claim"));
                break;
            case "one edit after another": // the second build reuses what the first kept, and renders again what it dropped
                project.Write(Claim, Edited(original, "headline: Russian attacks", "headline: Attacks"));
                Assert.True(preview.Build().Succeeded);
                var next = project.PathOf("input/claims/cavusoglu-lavrov-kuleba-meeting.yml"); // other speakers, other pages
                File.WriteAllText(next, Regex.Replace(File.ReadAllText(next), "(?m)^headline: .*$", "headline: Edited after another claim"));
                break;
            case "break and repair": // a failed build in between publishes nothing, and the next one still lands right
                project.Write(Claim, Edited(original, "  rating: accurate", "  rating: nonsense"));
                Assert.False(preview.Build().Succeeded);
                project.Write(Claim, Edited(original, "headline: Russian attacks", "headline: Repaired attacks"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, null);
        }
    }

    /// <summary>The claim with one passage replaced; a passage not there fails the test instead of editing nothing.</summary>
    private static string Edited(string original, string passage, string replacement)
    {
        Assert.Contains(passage, original, StringComparison.Ordinal);
        return original.Replace(passage, replacement, StringComparison.Ordinal);
    }

    /// <summary>The seed dossier built as the preview builds it: one memory carried from build to build.</summary>
    private sealed class Preview(Func<TestProject> project) : IDisposable
    {
        public Preview(bool paginated = false)
            : this(paginated ? () => TestProject.PaginatedDossier() : TestProject.RealDossier)
        {
        }

        public TestProject Project { get; } = project();

        public Uri? BaseUrl { get; init; }

        public BuildMemory Memory { get; } = new();

        public BuildResult Build() => SiteBuilder.Build(new BuildOptions(Project.Layout) { BaseUrl = BaseUrl }, Memory);

        public void Dispose()
        {
            Memory.FinishBackgroundWork(); // as the preview does when it stops: replaced files are deleted in the background
            Project.Dispose();
        }
    }

    private static void Copy(TestProject from, TestProject to, string folder)
    {
        Directory.Delete(to.PathOf(folder), recursive: true);
        TestProject.Copy(from.PathOf(folder), to.PathOf(folder));
    }
}
