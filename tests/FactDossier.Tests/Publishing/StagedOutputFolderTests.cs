using FactDossier.Publishing;

namespace FactDossier.Tests.Publishing;

/// <summary>
/// A build's files replace the published ones whole: all at once for a new site, file by file under a journal for the
/// files that changed, so that a build killed while it moves them is finished by the next one.
/// </summary>
public sealed class StagedOutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("factdossier-staged-").FullName;

    private string Output => Path.Combine(_root, "output");

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // staged side by side, under flat names
    public void Committed_changes_replace_pages_add_new_ones_and_delete_the_gone_ones(bool changesOnly)
    {
        Directory.CreateDirectory(Path.Combine(Output, "claims", "a"));
        Directory.CreateDirectory(Path.Combine(Output, "claims", "gone"));
        Directory.CreateDirectory(Path.Combine(Output, "tags", "gone", "page", "2"));
        File.WriteAllText(Path.Combine(Output, "claims", "a", "index.html"), "old a");
        File.WriteAllText(Path.Combine(Output, "claims", "gone", "index.html"), "gone");
        File.WriteAllText(Path.Combine(Output, "tags", "gone", "page", "2", "index.html"), "gone too");
        File.WriteAllText(Path.Combine(Output, "kept.html"), "kept");
        using var staging = new StagedOutputFolder(Output, "test", changesOnly);
        staging.Write("claims/a/index.html", "new a"u8);
        staging.Write("claims/b/index.html", "new b"u8);

        staging.CommitChanges(["claims/gone/index.html", "tags/gone/page/2/index.html"]);

        Assert.Equal("new a", File.ReadAllText(Path.Combine(Output, "claims", "a", "index.html")));
        Assert.Equal("new b", File.ReadAllText(Path.Combine(Output, "claims", "b", "index.html")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(Output, "kept.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "claims", "gone")));
        Assert.False(Directory.Exists(Path.Combine(Output, "tags"))); // every folder it emptied, up to output/
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName)); // no staging folder, no journal
    }

    [Fact]
    public void A_whole_site_takes_the_place_of_the_old_one()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "old.html"), "old");
        using var staging = new StagedOutputFolder(Output, "test");
        staging.Write("index.html", "new"u8);

        staging.Commit();

        Assert.Equal(["index.html"], Directory.EnumerateFiles(Output).Select(Path.GetFileName));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_commit_killed_after_any_number_of_moves_is_finished_by_the_next_build(int movesDone)
    {
        // The state a killed CommitChanges leaves: its journal in place, the first moves done, the others still staged.
        Directory.CreateDirectory(Path.Combine(Output, "p"));
        File.WriteAllText(Path.Combine(Output, "a.html"), "old a");
        File.WriteAllText(Path.Combine(Output, "p", "b.html"), "old b");
        File.WriteAllText(Path.Combine(Output, "gone.html"), "gone");
        var staging = Path.Combine(_root, ".output.staging-1-test");
        Directory.CreateDirectory(Path.Combine(staging, "p"));
        File.WriteAllText(Path.Combine(staging, "a.html"), "new a");
        File.WriteAllText(Path.Combine(staging, "p", "b.html"), "new b");
        string[] journal = [".output.staging-1-test", "R a.html", "R p/b.html", "D gone.html"];
        File.WriteAllLines(Path.Combine(_root, ".output.journal"), journal);
        foreach (var line in journal.Skip(1).Take(movesDone))
        {
            var path = line[2..];
            if (line[0] == 'R')
            {
                File.Move(Path.Combine(staging, path), Path.Combine(Output, path), overwrite: true);
            }
            else
            {
                File.Delete(Path.Combine(Output, path));
            }
        }

        StagedOutputFolder.Recover(Output);

        Assert.Equal("new a", File.ReadAllText(Path.Combine(Output, "a.html")));
        Assert.Equal("new b", File.ReadAllText(Path.Combine(Output, "p", "b.html")));
        Assert.False(File.Exists(Path.Combine(Output, "gone.html")));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Replaced_files_kept_for_later_are_out_of_the_site_and_the_staged_ones_in_place(bool changesOnly)
    {
        Directory.CreateDirectory(Path.Combine(Output, "p", "q"));
        File.WriteAllText(Path.Combine(Output, "p", "q", "a.html"), "old a");
        File.WriteAllText(Path.Combine(Output, "gone.html"), "gone");
        using var staging = new StagedOutputFolder(Output, "test", changesOnly);
        staging.Write("p/q/a.html", "new a"u8);

        var retired = staging.CommitChanges(["gone.html"], keepReplaced: true)!;

        Assert.Equal("new a", File.ReadAllText(Path.Combine(Output, "p", "q", "a.html")));
        Assert.False(File.Exists(Path.Combine(Output, "gone.html")));
        Assert.Equal(["new a"], Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Equal(["gone", "old a"], Directory.EnumerateFiles(retired, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".journal", StringComparison.Ordinal)).Select(File.ReadAllText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_build_of_changes_only_killed_after_its_journal_is_finished_by_the_next()
    {
        Directory.CreateDirectory(Path.Combine(Output, "p"));
        File.WriteAllText(Path.Combine(Output, "p", "b.html"), "old b");
        var staging = new StagedOutputFolder(Output, "test", changesOnly: true);
        staging.Write("a.html", "new a"u8);
        staging.Write("p/b.html", "new b"u8);
        // Killed once its journal was in place: nothing moved yet.
        File.WriteAllLines(Path.Combine(_root, ".output.journal"), [Path.GetFileName(staging.StagingPath), "R a.html", "R p/b.html"]);

        StagedOutputFolder.Recover(Output);

        Assert.Equal("new a", File.ReadAllText(Path.Combine(Output, "a.html")));
        Assert.Equal("new b", File.ReadAllText(Path.Combine(Output, "p", "b.html")));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_build_killed_before_its_journal_was_whole_changed_nothing()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "a.html"), "old a");
        File.WriteAllText(Path.Combine(_root, ".output.journal.tmp"), ".output.staging-1-test\nR a");

        StagedOutputFolder.Recover(Output);

        Assert.Equal("old a", File.ReadAllText(Path.Combine(Output, "a.html")));
        Assert.False(File.Exists(Path.Combine(_root, ".output.journal.tmp")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
