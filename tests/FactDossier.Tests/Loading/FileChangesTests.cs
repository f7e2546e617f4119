using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Tests.Loading;

/// <summary>The preview trusts its watchers for the files they watch, and only for those.</summary>
public sealed class FileChangesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("factdossier-changes-").FullName;

    private string Input => Path.Combine(_root, "input");

    private string Claim => Path.Combine(Input, "claims", "a.yml");

    public FileChangesTests()
    {
        Directory.CreateDirectory(Path.Combine(Input, "claims"));
        File.WriteAllText(Claim, "one");
    }

    [Fact]
    public void A_watched_file_the_watcher_did_not_name_is_taken_from_the_cache_without_reading_it()
    {
        var cache = new LoadCache();
        Assert.Equal("one", Read(cache, Claim, changes: null));
        File.WriteAllText(Claim, "two, unseen by any watcher");

        Assert.Equal("one", Read(cache, Claim, Changes(written: [])));
        Assert.Equal("two, unseen by any watcher", Read(cache, Claim, Changes(written: [Claim])));
    }

    [Fact]
    public void A_file_outside_the_watched_folders_is_always_checked()
    {
        var seed = Path.Combine(_root, "elsewhere", "seed.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(seed)!);
        File.WriteAllText(seed, "first");
        var cache = new LoadCache();
        Assert.Equal("first", Read(cache, seed, changes: null));
        File.WriteAllText(seed, "second, longer");

        Assert.Equal("second, longer", Read(cache, seed, Changes(written: [])));
    }

    [Fact]
    public void A_folder_is_listed_again_when_something_came_went_or_was_renamed_in_it_or_when_it_is_not_watched()
    {
        var claims = Path.Combine(Input, "claims");
        Assert.False(Changes(written: [Claim]).MovedUnder(claims));
        Assert.True(Changes(written: [], moved: [Path.Combine(claims, "new.yml")]).MovedUnder(claims));
        Assert.True(Changes(written: [], moved: [Path.Combine(claims, "2022")]).MovedUnder(claims));
        Assert.True(Changes(written: [], moved: [claims]).MovedUnder(claims));
        Assert.False(Changes(written: [], moved: [Path.Combine(Input, "people", "x.yml")]).MovedUnder(claims));
        Assert.True(Changes(written: []).MovedUnder(Path.Combine(_root, "elsewhere")));
    }

    [Fact]
    public void Every_file_under_a_renamed_folder_counts_as_changed()
    {
        var changes = Changes(written: [], moved: [Path.Combine(Input, "claims")]);

        Assert.True(changes.Touched(Claim));
        Assert.False(changes.Touched(Path.Combine(Input, "claims-other", "b.yml")));
    }

    private FileChanges Changes(string[] written, string[]? moved = null) =>
        new(written.ToHashSet(StringComparer.Ordinal), (moved ?? []).ToHashSet(StringComparer.Ordinal), [Input]);

    private static string? Read(LoadCache cache, string path, FileChanges? changes) =>
        cache.GetOrRead(path, null, new DiagnosticBag(), _ => File.ReadAllText(path), changes);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
