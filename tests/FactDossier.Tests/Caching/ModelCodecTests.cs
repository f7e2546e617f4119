using System.Collections;
using System.Reflection;
using System.Text.Json;
using FactDossier.Caching;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Caching;

/// <summary>What the command line stores of the loaded files reads back as the very records the Load stage made.</summary>
public sealed class ModelCodecTests
{
    [Fact]
    public void Every_claim_person_and_source_of_the_seed_dossier_reads_back_as_it_was_loaded()
    {
        var dossier = SeedDossier();
        using var stream = new MemoryStream();
        using (var writer = new ModelWriter(stream))
        {
            writer.All(dossier.Claims, writer.Claim);
            writer.All(dossier.People, writer.Person);
            writer.All(dossier.Sources, writer.Source);
        }

        var reader = new ModelReader(stream.ToArray());
        var claims = reader.All(reader.Claim);
        var people = reader.All(reader.Person);
        var sources = reader.All(reader.Source);

        Assert.Equal(Json(dossier.Claims), Json(claims));
        Assert.Equal(Json(dossier.People), Json(people));
        Assert.Equal(Json(dossier.Sources), Json(sources));
        Assert.True(reader.AtEnd);
    }

    /// <summary>
    /// The round trip above proves something only for fields the seed dossier fills: every property of every record a
    /// loaded claim, person or source holds must have a value somewhere in it (a new field must be stored, and shown here).
    /// </summary>
    [Fact]
    public void The_seed_dossier_fills_every_field_that_is_stored()
    {
        var dossier = SeedDossier();
        var empty = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(Claim), typeof(Statement), typeof(CounterStatement), typeof(QuoteSelector), typeof(Verdict), typeof(Correction), typeof(Person), typeof(Source) })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                empty.Add($"{type.Name}.{property.Name}");
            }
        }

        Visit(dossier.Claims.Cast<object>().Concat(dossier.People).Concat(dossier.Sources), empty);

        Assert.True(empty.Count == 0, string.Join(", ", empty));
    }

    [Fact]
    public void Diagnostics_read_back_with_their_code_severity_place_message_and_hint()
    {
        Diagnostic[] diagnostics =
        [
            new(DiagnosticCode.TodoMarker, new SourceSpan("input/claims/a.yml", 3, 9), "a TODO", "fill it in"),
            new(DiagnosticCode.TodoMarker, new SourceSpan("input/claims/a.yml", 4, 1), "a TODO made an error", null) { Severity = Severity.Error },
        ];
        using var stream = new MemoryStream();
        using (var writer = new ModelWriter(stream))
        {
            writer.All(diagnostics, writer.Diagnostic);
        }

        var reader = new ModelReader(stream.ToArray());
        Assert.Equal(diagnostics, reader.All(reader.Diagnostic));
    }

    [Fact]
    public void Bytes_that_do_not_follow_the_form_are_refused()
    {
        Assert.Throws<FormatException>(new ModelReader(new byte[] { 5, 1, 2 }).Name); // a name given by a number never written
        Assert.Throws<FormatException>(new ModelReader(new byte[] { 9, 0x41 }).Text); // a text longer than the bytes left
        Assert.Throws<FormatException>(new ModelReader(new byte[] { 2, 0xC3, 0x28 }).Text); // not UTF-8
        Assert.Throws<FormatException>(() => new ModelReader(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }).Int()); // a number too long
        Assert.Throws<FormatException>(() => new ModelReader(new byte[] { 7 }).Bool());
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

    private static void Visit(IEnumerable<object> values, SortedSet<string> empty)
    {
        foreach (var value in values)
        {
            var type = value.GetType();
            if (type.Namespace != typeof(Claim).Namespace)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0))
            {
                var held = property.GetValue(value);
                var filled = held switch
                {
                    null => false,
                    string s => s.Length > 0,
                    bool b => b,
                    ICollection c => c.Count > 0,
                    IEnumerable e and not string => e.Cast<object>().Any(),
                    _ when held.GetType().IsValueType && !held.GetType().IsEnum => !held.Equals(Activator.CreateInstance(held.GetType())),
                    _ => true,
                };
                if (filled)
                {
                    empty.Remove($"{type.Name}.{property.Name}");
                }

                if (held is IEnumerable items and not string)
                {
                    Visit(items.Cast<object>().Where(i => i is not null), empty);
                }
                else if (held is not null)
                {
                    Visit([held], empty);
                }
            }
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
