using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Anchoring;

/// <summary>A claim file copied under a new name checks the same statement twice: a warning on each naming the other, an error under --strict.</summary>
public sealed class StatementsAreNotRepeatedTests
{
    [Fact]
    public void A_copied_claim_is_warned_about_at_its_statement_and_so_is_the_original_each_naming_the_other()
    {
        using var project = TestProject.Minimal();
        project.Write("input/claims/reduce-copy.yml", project.Read("input/claims/reduce.yml"));

        var result = project.Check();

        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal(("FD0204", Severity.Warning), (d.Code.Id, d.Severity)));
        var onCopy = Assert.Single(result.Diagnostics, d => d.Span == new SourceSpan("input/claims/reduce-copy.yml", 5, 10));
        Assert.Contains("input/claims/reduce.yml(5,10)", onCopy.Message, StringComparison.Ordinal);
        var onOriginal = Assert.Single(result.Diagnostics, d => d.Span == new SourceSpan("input/claims/reduce.yml", 5, 10));
        Assert.Contains("input/claims/reduce-copy.yml(5,10)", onOriginal.Message, StringComparison.Ordinal);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Under_strict_it_is_an_error_and_a_different_statement_is_not_reported()
    {
        using var project = TestProject.Minimal();
        project.Write("input/claims/reduce-copy.yml", project.Read("input/claims/reduce.yml"));

        var strict = SiteBuilder.Build(new BuildOptions(project.Layout, Write: false, Strict: true));

        Assert.All(strict.Diagnostics, d => Assert.Equal(("FD0204", true), (d.Code.Id, d.IsError)));
        Assert.Equal(2, strict.Diagnostics.Count);
        Assert.False(strict.Succeeded);

        // The same claim quoting only part of the passage is another statement.
        project.Write("input/claims/reduce-copy.yml", project.Read("input/claims/reduce.yml").Replace("réduire « radicalement » son activité", "réduire « radicalement »", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Check().Diagnostics, d => d.Code.Id == "FD0204");
    }
}
