namespace FactDossier.Diagnostics;

/// <summary>One problem in the input, reported in the compiler format editors' tools understand.</summary>
public sealed record Diagnostic(DiagnosticCode Code, SourceSpan Span, string Message, string? Hint = null)
{
    public Severity Severity => Code.Severity;

    public bool IsError => Severity == Severity.Error;
}
