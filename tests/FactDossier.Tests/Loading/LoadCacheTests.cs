using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Tests.Loading;

public sealed class LoadCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("factdossier-tests-").FullName;

    [Fact]
    public void A_file_saved_while_it_is_read_is_read_again_next_time()
    {
        var path = Path.Combine(_folder, "claim.yml");
        File.WriteAllText(path, "old");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        var cache = new LoadCache();

        var first = cache.GetOrRead(path, null, new DiagnosticBag(), _ =>
        {
            var text = File.ReadAllText(path);
            File.WriteAllText(path, "new!"); // the editor saves while the build reads
            return text;
        });
        var second = cache.GetOrRead(path, null, new DiagnosticBag(), _ => File.ReadAllText(path));

        Assert.Equal(("old", "new!"), (first, second));
    }

    [Fact]
    public void An_unchanged_file_is_not_read_again()
    {
        var path = Path.Combine(_folder, "claim.yml");
        File.WriteAllText(path, "text");
        var cache = new LoadCache();
        var reads = 0;

        cache.GetOrRead(path, null, new DiagnosticBag(), _ => $"{++reads}");
        var again = cache.GetOrRead(path, null, new DiagnosticBag(), _ => $"{++reads}");

        Assert.Equal(("1", 1), (again, reads));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
