using FactDossier.Publishing;

namespace FactDossier.Tests.Publishing;

/// <summary>An incremental build's files replace the published ones whole, and the replaced ones are kept aside for later deletion.</summary>
public sealed class StagedOutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("factdossier-staged-").FullName;

    private string Output => Path.Combine(_root, "output");

    [Fact]
    public void Committed_changes_replace_pages_add_new_ones_and_keep_the_replaced_ones_aside()
    {
        Directory.CreateDirectory(Path.Combine(Output, "claims", "a"));
        File.WriteAllText(Path.Combine(Output, "claims", "a", "index.html"), "old a");
        File.WriteAllText(Path.Combine(Output, "gone.html"), "gone");
        using var staging = new StagedOutputFolder(Output, "test");
        staging.Write("claims/a/index.html", "new a"u8);
        staging.Write("claims/b/index.html", "new b"u8);

        var replaced = staging.CommitChanges(["gone.html"]);

        Assert.Equal("new a", File.ReadAllText(Path.Combine(Output, "claims", "a", "index.html")));
        Assert.Equal("new b", File.ReadAllText(Path.Combine(Output, "claims", "b", "index.html")));
        Assert.False(File.Exists(Path.Combine(Output, "gone.html")));
        Assert.False(Directory.Exists(staging.StagingPath));
        Assert.StartsWith(Path.Combine(_root, ".output.retired-"), replaced, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            // Swapped, not overwritten: the old page's space is freed when this folder goes, not during the build.
            Assert.Equal("old a", File.ReadAllText(Path.Combine(replaced, "claims", "a", "index.html")));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
