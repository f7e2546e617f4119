namespace FactDossier.Diagnostics;

/// <summary>GitHub Actions workflow commands, so that each problem shows on the pull request's changed line.</summary>
public static class GitHubFormatter
{
    public static string Format(Diagnostic d)
    {
        var command = d.Severity switch { Severity.Error => "error", Severity.Info => "notice", _ => "warning" };
        var message = d.Hint is null ? d.Message : $"{d.Message}\nhint: {d.Hint}";
        return $"::{command} file={EscapeProperty(d.Span.Path)},line={d.Span.Line},col={d.Span.Column},title={d.Code.Id}::{EscapeData(message)}";
    }

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    private static string EscapeData(string s) =>
        s.Replace("%", "%25", StringComparison.Ordinal)
         .Replace("\r", "%0D", StringComparison.Ordinal)
         .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
