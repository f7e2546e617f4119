using FactDossier.Building;
using FactDossier.Caching;
using FactDossier.Loading;
using FactDossier.Preview;
using FactDossier.Tests.EndToEnd;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Caching;

/// <summary>
/// The command line keeps what loading, Markdown and anchoring made in <c>.cache/factdossier/</c>: the next run makes
/// anew only what an edit touched, and a cache that is missing, damaged or stale only makes it do more, never a
/// different site.
/// </summary>
public sealed class StoredCachesTests
{
    private const string Claim = "input/claims/article-attacks-continued.yml";

    [Fact]
    public void After_one_claim_is_edited_only_its_file_is_read_its_text_rendered_and_its_article_searched()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var first = Build(project).Stats.Cache!;
        Assert.Equal(first.Files, first.FilesRead); // nothing stored yet
        Assert.Equal(first.Markdown, first.MarkdownRendered);
        Assert.Equal(first.Articles, first.ArticlesSearched);

        Edit(project, Claim, "the city itself was spared shelling that night", "the city itself was spared shelling on that night"); // the summary
        Edit(project, Claim, "In Chernihiv the attacks plainly continued.", "In Chernihiv the attacks clearly continued."); // the explanation
        Edit(project, Claim, "quote: Les attaques russes contre ces deux villes du nord de l'Ukraine se sont en effet poursuivies mercredi\n",
            "quote: Les attaques russes contre ces deux villes\n"); // the statement, in the article
        var rebuild = Build(project);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        var cache = rebuild.Stats.Cache!;
        Assert.Equal(1 + NotStored(project), cache.FilesRead); // the claim, and the files that are always read
        Assert.Equal(1, cache.MarkdownRendered);
        Assert.Equal(1, cache.ArticlesSearched);
        CommandLineRebuildTests.AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void With_nothing_stored_changed_every_claim_person_and_source_comes_from_the_cache()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Build(project);
        File.AppendAllText(project.PathOf("input/site.yml"), "\n# a comment: settings read again, nothing else\n");

        var cache = Build(project).Stats.Cache!;

        Assert.Equal(NotStored(project), cache.FilesRead);
        Assert.Equal((0, 0), (cache.MarkdownRendered, cache.ArticlesSearched));
        CommandLineRebuildTests.AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_claim_edited_to_the_same_size_is_read_again()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Build(project);
        var before = File.GetLastWriteTimeUtc(project.PathOf(Claim));
        Edit(project, Claim, "headline: Russian attacks", "headline: Russian assault"); // same number of bytes
        File.SetLastWriteTimeUtc(project.PathOf(Claim), before.AddSeconds(2)); // as a save a moment later

        var rebuild = Build(project);

        Assert.Equal(1 + NotStored(project), rebuild.Stats.Cache!.FilesRead);
        Assert.Contains("Russian assault", File.ReadAllText(Path.Combine(project.Output, "claims", "article-attacks-continued", "index.html")), StringComparison.Ordinal);
        CommandLineRebuildTests.AssertSameAsCleanBuild(project);
    }

    public static TheoryData<string, string> Damages()
    {
        var data = new TheoryData<string, string>();
        foreach (var cache in new[] { "files", "markdown", "anchors" })
        {
            foreach (var damage in new[] { "truncated", "one byte changed", "empty", "garbage", "another build's" })
            {
                data.Add(cache, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_or_stale_cache_is_not_trusted_and_the_site_is_a_clean_builds(string cache, string damage)
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Build(project);
        var file = project.PathOf($".cache/factdossier/{cache}.bin");
        if (damage != "another build's")
        {
            Damage.Apply(file, damage);
        }
        else
        {
            // Well formed, with its checksum, but made by another build of the tool.
            CheckedFile.Write(file, cache == "files" ? $"FactDossier files|another build|{project.Root}|{project.PathOf("input")}" : $"FactDossier memo|{cache}|another build",
                Array.Empty<string>());
        }

        Edit(project, Claim, "headline: Russian attacks", "headline: Attacks");
        var rebuild = Build(project);

        Assert.True(rebuild.Succeeded, string.Join("\n", rebuild.Diagnostics));
        var use = rebuild.Stats.Cache!;
        var (made, of) = cache switch
        {
            "files" => (use.FilesRead, use.Files),
            "markdown" => (use.MarkdownRendered, use.Markdown),
            _ => (use.ArticlesSearched, use.Articles),
        };
        Assert.Equal(of, made); // made anew, every one
        CommandLineRebuildTests.AssertSameAsCleanBuild(project);
        Assert.Equal(0, Build(project).Stats.Written); // and stored again
    }

    [Fact]
    public void Markdown_remembered_under_one_base_path_is_not_used_under_another()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Edit(project, Claim, "In Chernihiv the attacks plainly continued.", "In Chernihiv the attacks plainly continued ([about](/about/)).");
        Assert.True(Build(project).Succeeded);

        var moved = SiteBuilder.Build(new BuildOptions(InputLayout.Under(project.Root), BasePath: "/dossier/"));

        Assert.True(moved.Succeeded, string.Join("\n", moved.Diagnostics));
        Assert.Equal(moved.Stats.Cache!.Markdown, moved.Stats.Cache.MarkdownRendered);
        Assert.Contains("href=\"/dossier/about/\"", File.ReadAllText(Path.Combine(project.Output, "claims", "article-attacks-continued", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_build_run_again_reports_every_problem_again()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Build(project);
        Edit(project, Claim, "quote: Les attaques russes contre ces deux villes", "quote: Les attaques russes contre ces trois villes"); // not in the article
        var anchoring = Build(project);
        Assert.Contains(anchoring.Diagnostics, d => d.Code.Id == "FD0201");
        Assert.Equal(anchoring.Diagnostics, Build(project).Diagnostics); // a quote not found is looked for again, not remembered

        Edit(project, "input/people/jens-stoltenberg.yml", "role: Secretary General of NATO", "role: [Secretary General"); // YAML that does not parse
        project.Write("input/claims/article-moscow-backtracked.yml",
            project.Read("input/claims/article-moscow-backtracked.yml").Replace("headline:", "headline: TODO\nsummary_typo: x\nold_headline:", StringComparison.Ordinal));

        var first = Build(project);
        var again = Build(project);

        Assert.False(first.Succeeded);
        Assert.Contains(first.Diagnostics, d => d.Code.Id == "FD0002");
        Assert.Contains(first.Diagnostics, d => d.Code.Id == "FD0005");
        Assert.Equal(first.Diagnostics, again.Diagnostics);
    }

    [Fact]
    public void A_preview_starts_from_the_stored_work_and_sees_what_was_edited_since()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Build(project);
        Edit(project, Claim, "headline: Russian attacks", "headline: Attacks"); // while no preview watched
        Edit(project, "input/people/jens-stoltenberg.yml", "role: Secretary General of NATO", "role: NATO Secretary General");

        BuildResult first, second;
        using (var loop = new RebuildLoop(new BuildOptions(InputLayout.Under(project.Root)), _ => { }))
        {
            first = loop.BuildNow().Result;
            Edit(project, Claim, "headline: Attacks", "headline: Attacks again"); // seen by the watcher, as an editor's save
            Thread.Sleep(300);
            second = loop.BuildNow().Result;
            loop.Memory.FinishBackgroundWork();
        }

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(2 + NotStored(project), first.Stats.Cache!.FilesRead); // the two files edited, and those always read
        Assert.Null(second.Stats.Cache); // later builds keep their work in memory
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        CommandLineRebuildTests.AssertSameAsCleanBuild(project);
    }

    [Fact]
    public void A_quote_given_an_impossible_occurrence_is_looked_for_again_and_reported()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Assert.True(Build(project).Succeeded); // the article's anchors stored, for the quote without an occurrence
        Edit(project, Claim, "  quote: Les attaques russes", "  occurrence: -1\n  quote: Les attaques russes");

        var rebuild = Build(project);

        Assert.Contains(rebuild.Diagnostics, d => d.Code.Id == "FD0203");
        Assert.Equal(project.Check().Diagnostics, rebuild.Diagnostics);
    }

    [Fact]
    public void The_stored_files_are_not_written_again_when_none_of_them_changed()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        Build(project);
        var stored = project.PathOf(".cache/factdossier/files.bin");
        File.SetLastWriteTimeUtc(stored, DateTime.UtcNow.AddHours(-1));
        var written = File.GetLastWriteTimeUtc(stored);
        File.AppendAllText(project.PathOf("input/site.yml"), "\n# read again, as it is at every build\n");

        Assert.True(Build(project).Succeeded);
        Assert.Equal(written, File.GetLastWriteTimeUtc(stored));

        Edit(project, Claim, "headline: Russian attacks", "headline: Attacks");
        Assert.True(Build(project).Succeeded);
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(stored));
    }

    [Fact]
    public void A_check_neither_reads_nor_writes_the_caches()
    {
        using var project = CommandLineRebuildTests.WithOwnTheme();
        var checkedOnly = project.Check();

        Assert.Null(checkedOnly.Stats.Cache);
        Assert.False(Directory.Exists(project.PathOf(".cache")));
    }

    private static readonly string[] StoredFolders = ["claims", "people", "sources"];

    private static BuildResult Build(TestProject project) => SiteBuilder.Build(new BuildOptions(InputLayout.Under(project.Root)));

    /// <summary>The input files that are read at every build: all but claims, people and sources, and the seeds of the articles.</summary>
    private static int NotStored(TestProject project)
    {
        var input = project.PathOf("input");
        var stored = StoredFolders.Select(f => Path.Combine(input, f) + Path.DirectorySeparatorChar).ToArray();
        var articles = Directory.GetFiles(Path.Combine(input, "articles"), "*.yml").Length;
        return Directory.GetFiles(input, "*", SearchOption.AllDirectories).Count(f => !stored.Any(f.StartsWith)) + articles;
    }

    private static void Edit(TestProject project, string file, string passage, string replacement)
    {
        var text = project.Read(file);
        Assert.Contains(passage, text, StringComparison.Ordinal);
        project.Write(file, text.Replace(passage, replacement, StringComparison.Ordinal));
    }
}
