using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// The command line rebuilds from the record the last run left under <c>.cache/factdossier/</c>: after any edit its
/// output is a clean build's, byte for byte; with nothing changed it writes nothing; a damaged record or output only
/// makes it do more.
/// </summary>
public sealed class CommandLineRebuildTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";

    public static TheoryData<string> Edits() =>
    [
        "claim", "claim comment", "person", "source", "article", "page", "site settings", "theme template", "theme asset", "deleted claim",
        "renamed claim", "added claim",
    ];

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_rebuild_after_an_edit_writes_what_a_clean_build_writes(string edit)
    {
        using var project = WithOwnTheme();
        Assert.True(Build(project).Succeeded);

        Edit(project, edit);
        var rebuild = Build(project);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        AssertSameAsCleanBuild(project);
        if (edit is "claim" or "claim comment")
        {
            Assert.InRange(rebuild.Stats.Rendered, 1, rebuild.Stats.Pages / 2); // the pages that show the claim, not the site
        }

        if (edit == "claim comment")
        {
            Assert.Equal(0, rebuild.Stats.Written); // rendered again, the same bytes: nothing written
        }
    }

    [Fact]
    public void A_tag_added_to_one_claim_renders_again_every_claim_that_shows_that_tags_count()
    {
        using var project = WithOwnTheme();
        // A theme that shows, on each claim's page, how many claims carry each of its tags.
        File.AppendAllText(project.PathOf("theme/layouts/claim.liquid"), "\n<p>{% for tag in claim.tags %}{{ tag.key }}: {{ tag.count }} {% endfor %}</p>\n");
        Assert.True(Build(project).Succeeded);

        Replace(project, Claim, "tags: [article-accuracy, kyiv, chernihiv]", "tags: [article-accuracy, kyiv, chernihiv, crimea]");
        var rebuild = Build(project);

        Assert.True(rebuild.Succeeded);
        Assert.Contains("crimea: 2", File.ReadAllText(Path.Combine(project.Output, "claims", "kyiv-crimea-15-years", "index.html")), StringComparison.Ordinal);
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_renders_nothing_and_leaves_every_file_as_it_was()
    {
        using var project = WithOwnTheme();
        project.Write(Claim, project.Read(Claim).Replace("headline: Russian attacks", "headline: TODO", StringComparison.Ordinal));
        var first = Build(project);
        Assert.True(first.Succeeded);
        Assert.NotEmpty(first.Diagnostics); // the TODO's warning
        var times = ModificationTimes(project.Output);

        var again = Build(project);

        Assert.Equal((0, 0), (again.Stats.Rendered, again.Stats.Written));
        Assert.Equal(first.Stats.Pages, again.Stats.Pages);
        Assert.Equal(first.Diagnostics, again.Diagnostics); // the warnings are told again
        Assert.Equal(times, ModificationTimes(project.Output));
    }

    [Fact]
    public void A_file_saved_unchanged_renders_its_pages_again_and_writes_nothing()
    {
        using var project = WithOwnTheme();
        Assert.True(Build(project).Succeeded);
        var times = ModificationTimes(project.Output);
        File.SetLastWriteTimeUtc(project.PathOf(Claim), DateTime.UtcNow.AddMinutes(1));

        var again = Build(project);

        Assert.True(again.Stats.Rendered > 0);
        Assert.Equal(0, again.Stats.Written);
        Assert.Equal(times, ModificationTimes(project.Output));
    }

    [Fact]
    public void An_output_file_changed_or_deleted_by_hand_is_written_again()
    {
        using var project = WithOwnTheme();
        Assert.True(Build(project).Succeeded);
        File.WriteAllText(Path.Combine(project.Output, "index.html"), "changed by hand");
        File.Delete(Path.Combine(project.Output, "claims.json"));
        File.Delete(Path.Combine(project.Output, "claims", "kyiv-crimea-15-years", "index.html"));

        var again = Build(project);

        Assert.Equal(3, again.Stats.Written);
        AssertSameAsCleanBuild(project);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("one byte changed")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void A_damaged_record_gives_a_full_and_correct_build(string damage)
    {
        using var project = WithOwnTheme();
        Assert.True(Build(project).Succeeded);
        Damage.Apply(SiteRecord.PathFor(Layout(project)), damage);

        Edit(project, "claim");
        var rebuild = Build(project);

        Assert.True(rebuild.Succeeded);
        Assert.Equal(rebuild.Stats.Pages, rebuild.Stats.Rendered);
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_record_made_with_other_options_is_not_used()
    {
        using var project = WithOwnTheme();
        Assert.True(SiteBuilder.Build(new BuildOptions(Layout(project), BasePath: "/dossier/")).Succeeded);

        var rebuild = Build(project);

        Assert.Equal(rebuild.Stats.Pages, rebuild.Stats.Rendered);
        AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_failed_rebuild_leaves_the_output_and_the_record_as_they_were()
    {
        using var project = WithOwnTheme();
        Assert.True(Build(project).Succeeded);
        var before = OutputSnapshot.Of(project.Output);
        var record = File.ReadAllBytes(SiteRecord.PathFor(Layout(project)));
        var original = project.Read(Claim);
        project.Write(Claim, original.Replace("speaker: article-author", "speaker: nobody-known", StringComparison.Ordinal));

        Assert.False(Build(project).Succeeded);

        OutputSnapshot.AssertIdentical(before, OutputSnapshot.Of(project.Output));
        Assert.Equal(record, File.ReadAllBytes(SiteRecord.PathFor(Layout(project))));
        project.Write(Claim, original);
        Assert.Equal(0, Build(project).Stats.Written); // back as it was: the record still describes output/
    }

    /// <summary>The seed dossier with a copy of the theme, so that a test can edit it.</summary>
    internal static TestProject WithOwnTheme()
    {
        var project = TestProject.RealDossier();
        TestProject.Copy(RepositoryPaths.Theme, project.PathOf("theme"));
        return project;
    }

    private static InputLayout Layout(TestProject project) => InputLayout.Under(project.Root);

    private static BuildResult Build(TestProject project) => SiteBuilder.Build(new BuildOptions(Layout(project)));

    internal static void Edit(TestProject project, string edit)
    {
        switch (edit)
        {
            case "claim":
                Replace(project, Claim, "headline: Russian attacks", "headline: Attacks");
                break;
            case "claim comment":
                project.Write(Claim, project.Read(Claim) + "# a comment changes no page\n");
                break;
            case "person":
                Replace(project, "input/people/jens-stoltenberg.yml", "role: Secretary General of NATO", "role: NATO Secretary General");
                break;
            case "source":
                Replace(project, "input/sources/nato-2022-03-31-press-conference.yml", "publisher: NATO", "publisher: NATO (North Atlantic Treaty Organization)");
                break;
            case "article":
                Replace(project, "input/articles/istanbul-talks-2022-03-31.yml", "two days after the Istanbul talks", "two days after the talks in Istanbul");
                break;
            case "page":
                Replace(project, "input/pages/about.md", "title: About this dossier", "title: About the dossier");
                break;
            case "site settings":
                Replace(project, "input/site.yml", "name: FactDossier (demonstration dossier)", "name: FactDossier (a demonstration)");
                break;
            case "theme template":
                File.AppendAllText(project.PathOf("theme/layouts/claim.liquid"), "\n<!-- edited -->\n");
                break;
            case "theme asset":
                File.AppendAllText(project.PathOf("theme/assets/site.css"), "\n.edited { color: inherit; }\n");
                break;
            case "deleted claim":
                project.Delete("input/claims/kyiv-crimea-15-years.yml");
                break;
            case "renamed claim":
                File.Move(project.PathOf("input/claims/kyiv-crimea-15-years.yml"), project.PathOf("input/claims/kyiv-crimea-fifteen-years.yml"));
                break;
            case "added claim":
                project.Write("input/claims/attacks-again.yml", project.Read(Claim).Replace("headline: Russian attacks", "headline: Again, attacks", StringComparison.Ordinal));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, null);
        }
    }

    internal static void Replace(TestProject project, string file, string passage, string replacement)
    {
        var text = project.Read(file);
        Assert.Contains(passage, text, StringComparison.Ordinal);
        project.Write(file, text.Replace(passage, replacement, StringComparison.Ordinal));
    }

    /// <summary>A copy of the project's input and theme built from nothing gives exactly the project's output.</summary>
    /// <param name="alsoCopied">Folders of the project besides input/ and theme/ that the clean build reads (seeds kept elsewhere).</param>
    internal static void AssertSameAsCleanBuild(TestProject project, params string[] alsoCopied)
    {
        using var clean = TestProject.RealDossier();
        foreach (var folder in (string[])["input", "theme", .. alsoCopied])
        {
            if (Directory.Exists(clean.PathOf(folder)))
            {
                Directory.Delete(clean.PathOf(folder), recursive: true);
            }

            TestProject.Copy(project.PathOf(folder), clean.PathOf(folder));
        }

        var result = Build(clean);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(clean.Output), OutputSnapshot.Of(project.Output));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(project.Root, "*output*").Select(Path.GetFileName)); // no staging folder or journal left
    }

    internal static SortedDictionary<string, DateTime> ModificationTimes(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc), StringComparer.Ordinal);
}
