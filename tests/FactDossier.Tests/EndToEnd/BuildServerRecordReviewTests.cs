using FactDossier.Building;
using FactDossier.Tests.Support;
using static FactDossier.Tests.EndToEnd.BuildServerReviewTests;
using static FactDossier.Tests.EndToEnd.BuildServerTests;
using static FactDossier.Tests.EndToEnd.CommandLineRebuildTests;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// A review of the build server going by the record it keeps in memory (<c>BuildMemory.OwnRecord</c>): whatever happens
/// between its builds (a failed build, a file saved while it lists a folder, a build without it), a build it makes
/// writes what a clean build of the same input writes, and leaves a record that tells the truth. Its load must go by
/// what its last load saw, not by the record: taking the load's changes from the record's stamps (tried in ad2c7a6,
/// reverted) failed seven of these.
/// </summary>
public sealed class BuildServerRecordReviewTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";
    private const string OtherClaim = "input/claims/kyiv-crimea-15-years.yml";

    // ---- A build that found nothing changed, then the server's memory out of date ------------------------------------

    [Theory]
    [InlineData("a build without the server")]
    [InlineData("an output file changed by hand")]
    [InlineData("a preview build")]
    public void A_server_build_that_found_nothing_changed_then_an_edit_with_the_server_memory_out_of_date(string between)
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var unchanged = Serve(options, memory); // nothing changed: returns before its load
        Assert.True(unchanged.Succeeded);
        Assert.Equal(0, unchanged.Stats.Written);

        Edit(project, "claim");
        switch (between)
        {
            case "a build without the server":
                Assert.True(SiteBuilder.Build(options).Succeeded);
                Edit(project, "claim comment");
                break;
            case "an output file changed by hand":
                File.AppendAllText(Path.Combine(project.Output, "index.html"), "<!-- changed by hand -->\n");
                break;
            default:
                var preview = new BuildMemory();
                Assert.True(SiteBuilder.Build(options, preview).Succeeded);
                preview.FinishBackgroundWork();
                Edit(project, "claim comment");
                break;
        }

        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        AssertRecordIsTrueAndTrusted(options, project);
    }

    // ---- The load cache's last load is newer than the record (a failed build, a file added while listing) -----------

    [Fact]
    public void A_claim_added_in_a_failed_server_build_then_deleted_is_not_published()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);
        Edit(project, "added claim"); // input/claims/attacks-again.yml
        project.Write(Claim, original.Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));
        Assert.False(Serve(options, memory).Succeeded);

        project.Delete("input/claims/attacks-again.yml");
        project.Write(Claim, original);
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_claim_moved_away_in_a_failed_server_build_then_moved_back_is_published()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);
        File.Move(project.PathOf(OtherClaim), project.PathOf("kept-aside.yml"));
        project.Write(Claim, original.Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));
        Assert.False(Serve(options, memory).Succeeded);

        File.Move(project.PathOf("kept-aside.yml"), project.PathOf(OtherClaim)); // a rename keeps its time
        project.Write(Claim, original);
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_claim_replaced_in_a_failed_server_build_then_its_original_moved_back_is_read_again()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);
        File.Move(project.PathOf(Claim), project.PathOf("backup.yml")); // as an editor that keeps a backup by renaming
        project.Write(Claim, original.Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));
        Assert.False(Serve(options, memory).Succeeded);

        File.Move(project.PathOf("backup.yml"), project.PathOf(Claim), overwrite: true); // the original back, its time kept
        Edit(project, "source");
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_claim_added_while_a_server_build_lists_the_claims_then_deleted_is_not_published()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        Edit(project, "added claim"); // the claims are listed again
        var addedDuringTheLoad = options with
        {
            Files = new BuildServerReviewTests.OnFirstListing("claims", () =>
                project.Write("input/claims/kyiv-crimea-again.yml", project.Read(OtherClaim).Replace("headline: Kyiv proposes", "headline: Again, Kyiv proposes", StringComparison.Ordinal))),
        };
        Assert.True(Serve(addedDuringTheLoad, memory).Succeeded);

        project.Delete("input/claims/kyiv-crimea-again.yml");
        Edit(project, "claim");
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
    }

    // ---- Sequences expected to hold ---------------------------------------------------------------------------------

    [Fact]
    public void A_failed_server_build_fixed_by_another_edit_then_more_edits_give_a_clean_builds_output()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var original = project.Read(Claim);
        project.Write(Claim, original.Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));
        Assert.False(Serve(options, memory).Succeeded);

        project.Write(Claim, original.Replace("headline: Russian attacks", "headline: Attacks", StringComparison.Ordinal));
        Assert.True(Serve(options, memory).Succeeded);
        AssertSameAsCleanBuild(project);
        Edit(project, "added claim");
        Assert.True(Serve(options, memory).Succeeded);
        Edit(project, "deleted claim");
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        AssertRecordIsTrueAndTrusted(options, project);
    }

    [Fact]
    public void A_claim_deleted_then_moved_back_between_successful_server_builds()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        File.Move(project.PathOf(OtherClaim), project.PathOf("kept-aside.yml"));
        Assert.True(Serve(options, memory).Succeeded);
        File.Move(project.PathOf("kept-aside.yml"), project.PathOf(OtherClaim));
        Assert.True(Serve(options, memory).Succeeded);
        AssertSameAsCleanBuild(project);
        Edit(project, "claim");
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        AssertRecordIsTrueAndTrusted(options, project);
    }

    [Fact]
    public void A_theme_change_then_a_claim_edit_then_the_theme_back_through_the_server()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var template = project.PathOf("theme/layouts/claim.liquid");
        var text = File.ReadAllText(template);
        File.AppendAllText(template, "\n<!-- edited -->\n");
        Assert.True(Serve(options, memory).Succeeded);
        Edit(project, "claim");
        Assert.True(Serve(options, memory).Succeeded);
        AssertSameAsCleanBuild(project);
        File.WriteAllText(template, text);
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        AssertRecordIsTrueAndTrusted(options, project);
    }

    [Fact]
    public void A_seed_outside_seeds_edited_through_the_server()
    {
        using var project = WithOwnTheme();
        const string article = "input/articles/istanbul-talks-2022-03-31.yml";
        Directory.CreateDirectory(project.PathOf("texts"));
        File.Copy(project.PathOf("seeds/000_dbebddd803e38d0a.txt"), project.PathOf("texts/talks.txt"));
        Replace(project, article, "seed: seeds/000_dbebddd803e38d0a.txt", "seed: texts/talks.txt");
        var (options, memory) = ServedBy(project);

        File.AppendAllText(project.PathOf("texts/talks.txt"), "\nA closing paragraph added to the seed.\n");
        Assert.True(Serve(options, memory).Succeeded);
        AssertSameAsCleanBuild(project, "seeds", "texts");
        Edit(project, "claim");
        File.AppendAllText(project.PathOf("texts/talks.txt"), "\nAnother closing paragraph.\n");
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project, "seeds", "texts");
        AssertRecordIsTrueAndTrusted(options, project);
    }

    [Fact]
    public void The_record_replaced_by_another_process_with_the_same_bytes_length_is_read_again()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        var path = SiteRecord.PathFor(options.Layout);
        var adopted = File.ReadAllBytes(path);
        Edit(project, "claim");
        Assert.True(Serve(options, memory).Succeeded);
        Assert.Equal(adopted.Length, new FileInfo(path).Length); // the record of the edit is as long as the one before

        File.WriteAllBytes(path, adopted); // another process puts the old record back: same length, another time
        Edit(project, "claim comment");
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        AssertRecordIsTrueAndTrusted(options, project);
    }

    [Fact]
    public void A_claim_renamed_then_renamed_back_right_after_the_warm_up_adopted()
    {
        using var project = WithOwnTheme();
        var (options, memory) = ServedBy(project);
        Edit(project, "renamed claim");
        Assert.True(Serve(options, memory).Succeeded);
        File.Move(project.PathOf("input/claims/kyiv-crimea-fifteen-years.yml"), project.PathOf(OtherClaim));
        var served = Serve(options, memory);

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        AssertRecordIsTrueAndTrusted(options, project);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------------

    /// <summary>The record names every file of output/ as it is, and a command line build after it finds nothing to do.</summary>
    private static void AssertRecordIsTrueAndTrusted(BuildOptions options, TestProject project)
    {
        AssertRecordTellsTheTruth(options, project);
        AssertACommandLineBuildWritesNothing(options, project);
    }
}
