using MemoryPack;
namespace FactDossier.Diagnostics;

/// <summary>One problem in the input, reported in the compiler format editors' tools understand.</summary>
[MemoryPackable]
public sealed partial record Diagnostic(DiagnosticCode Code, SourceSpan Span, string Message, string? Hint = null)
{
    /// <summary>The code's severity, unless <c>--strict</c> made a warning an error.</summary>
    public Severity Severity { get; init; } = Code.Severity;

    public bool IsError => Severity == Severity.Error;
}
