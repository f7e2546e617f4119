using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The documentation editors and maintainers follow must say what the code does.</summary>
public sealed class DocumentationTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));

    [Fact]
    public void Contributing_lists_every_diagnostic_code_with_its_severity_and_title()
    {
        var rows = Read("CONTRIBUTING.md").Split('\n')
            .Where(l => l.StartsWith("| FD", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Id: cells[1], Severity: cells[2], Title: cells[3]))
            .ToList();

        var expected = DiagnosticCode.All.Select(c => (c.Id, Severity: c.Severity.ToString().ToLowerInvariant(), c.Title)).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal(DiagnosticCode.All.Count, DiagnosticCode.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Contributing_rating_table_is_the_scale_of_the_site_settings()
    {
        var contributing = Read("CONTRIBUTING.md");
        var section = contributing[contributing.IndexOf("## Choosing a rating", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var rows = section.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Key: cells[1].Trim('`'), Label: cells[2], Value: cells[3]))
            .ToList();
        var scale = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!.Site.RatingScale.Ratings;

        // A rating that is not checkable has no published value.
        Assert.Equal(scale.Select(r => (r.Key, r.Label, r.Checkable ? r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "— (`checkable: false`)")), rows);
    }

    [Fact]
    public void Readme_shows_the_two_set_up_commands_and_every_command_of_the_cli()
    {
        var readme = Read("README.md");

        Assert.Contains("dotnet run --project src/FactDossier", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test", readme, StringComparison.Ordinal);
        foreach (var word in new[] { "`build`", "`check`", "`preview", "`new claim", "`new article", "`new dossier", "`server stop`", "--strict", "--base-path", "--port" })
        {
            Assert.Contains(word, readme, StringComparison.Ordinal);
        }
    }
}
