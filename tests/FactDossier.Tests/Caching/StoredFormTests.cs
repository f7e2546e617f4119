using System.Text.Json;
using FactDossier.Caching;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Caching;

/// <summary>What the command line stores of the loaded files reads back as the very records the Load stage made.</summary>
public sealed class StoredFormTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("factdossier-stored-").FullName;

    [Fact]
    public void Every_claim_person_and_source_of_the_seed_dossier_reads_back_as_it_was_loaded()
    {
        var dossier = SeedDossier();
        StoredFile[] files =
        [
            .. dossier.Claims.Select(c => new StoredFile(c.Path, 1, 2, [], c, null, null)),
            .. dossier.People.Select(p => new StoredFile(p.Span.Path, 3, 4, [], null, p, null)),
            .. dossier.Sources.Select(s => new StoredFile(s.Span.Path, 5, 6, [], null, null, s)),
        ];
        CheckedFile.Write(PathOf("files.bin"), "header", files);

        var read = CheckedFile.Read<StoredFile[]>(PathOf("files.bin"), "header")!;

        Assert.Equal(Json(dossier.Claims), Json(read.Select(f => f.Claim).OfType<Claim>()));
        Assert.Equal(Json(dossier.People), Json(read.Select(f => f.Person).OfType<Person>()));
        Assert.Equal(Json(dossier.Sources), Json(read.Select(f => f.Source).OfType<Source>()));
        Assert.Equal(files.Select(f => (f.Path, f.Length, f.Ticks)), read.Select(f => (f.Path, f.Length, f.Ticks)));
    }

    /// <summary>A claim's path is in each of its spans: read back, it is one string, as a page's ids shared by other pages are.</summary>
    [Fact]
    public void Strings_that_repeat_in_a_file_read_back_as_one_string()
    {
        var claim = SeedDossier().Claims[0];
        CheckedFile.Write(PathOf("c.bin"), "header", new[] { claim });
        var pages = new Dictionary<string, FactDossier.Building.RecordedPage>
        {
            ["a/index.html"] = new(new HashSet<string> { "x" }, null, new HashSet<string> { "main", "statement" }),
            ["b/index.html"] = new(null, "sig", new HashSet<string> { "main" }),
        };
        CheckedFile.Write(PathOf("p.bin"), "header", pages);

        var read = CheckedFile.Read<Claim[]>(PathOf("c.bin"), "header")![0];
        var readPages = CheckedFile.Read<Dictionary<string, FactDossier.Building.RecordedPage>>(PathOf("p.bin"), "header")!;

        Assert.Same(read.Span.Path, read.Statement.Quote.Exact.Span.Path);
        Assert.Same(readPages["a/index.html"].Ids.Single(i => i == "main"), readPages["b/index.html"].Ids.Single());
        Assert.Equal(pages["a/index.html"].Ids.Order(), readPages["a/index.html"].Ids.Order());
        Assert.Null(readPages["b/index.html"].Shows);
    }

    [Fact]
    public void Diagnostics_read_back_with_their_code_severity_place_message_and_hint()
    {
        Diagnostic[] diagnostics =
        [
            new(DiagnosticCode.TodoMarker, new SourceSpan("input/claims/a.yml", 3, 9), "a TODO", "fill it in"),
            new(DiagnosticCode.TodoMarker, new SourceSpan("input/claims/a.yml", 4, 1), "a TODO made an error", null) { Severity = Severity.Error },
        ];
        CheckedFile.Write(PathOf("d.bin"), "header", diagnostics);

        Assert.Equal(diagnostics, CheckedFile.Read<Diagnostic[]>(PathOf("d.bin"), "header"));
    }

    [Fact]
    public void A_file_written_under_another_header_or_holding_another_form_is_not_read()
    {
        CheckedFile.Write(PathOf("a.bin"), "FactDossier memo|markdown|build 1", new Dictionary<UInt128, string> { [1] = "<p>a</p>" });
        CheckedFile.Write(PathOf("b.bin"), "same header", new Dictionary<UInt128, string> { [1] = "<p>a</p>" });

        Assert.NotNull(CheckedFile.Read<Dictionary<UInt128, string>>(PathOf("a.bin"), "FactDossier memo|markdown|build 1"));
        Assert.Null(CheckedFile.Read<Dictionary<UInt128, string>>(PathOf("a.bin"), "FactDossier memo|markdown|build 2"));
        Assert.Null(CheckedFile.Read<StoredFile[]>(PathOf("b.bin"), "same header")); // bytes of another type: refused, never misread
    }

    /// <summary>The seed dossier, with a claim and a source that fill the fields it leaves empty (a draft, corrections, a quote's context).</summary>
    private static Dossier SeedDossier()
    {
        using var project = TestProject.RealDossier();
        project.Write("input/claims/every-field.yml", project.Read("input/claims/article-attacks-continued.yml")
            .Replace("  quote: Les attaques russes", "  prefix: en effet\n  suffix: mercredi\n  occurrence: 1\n  source: cnn-2022-03-30-live\n  quote: Les attaques russes", StringComparison.Ordinal)
            .Replace("  rating: accurate", "  rating: TODO", StringComparison.Ordinal)
            + "corrections:\n  - date: 2026-11-28\n    what: The governor's name was misspelt.\n");
        project.Write("input/sources/archived.yml", "id: archived\npublisher: Example\ntitle: An archived page\nurl: https://example.org/page\narchive_url: https://web.archive.org/web/2022/https://example.org/page\n");
        var loaded = DossierLoader.Load(project.Layout);
        Assert.DoesNotContain(loaded.Diagnostics, d => d.IsError);
        return loaded.Dossier!;
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
