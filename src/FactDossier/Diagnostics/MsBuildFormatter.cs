namespace FactDossier.Diagnostics;

/// <summary><c>path(line,col): error FD0001: message</c> — the format MSBuild, IDEs and CI problem matchers read.</summary>
public static class MsBuildFormatter
{
    public static string Format(Diagnostic d)
    {
        var severity = d.Severity switch { Severity.Error => "error", Severity.Info => "info", _ => "warning" };
        var line = $"{d.Span}: {severity} {d.Code.Id}: {d.Message}";
        return d.Hint is null ? line : $"{line}{Environment.NewLine}    hint: {d.Hint}";
    }
}
