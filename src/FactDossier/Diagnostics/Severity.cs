namespace FactDossier.Diagnostics;

public enum Severity
{
    Warning,
    Error,

    /// <summary>Not a problem: what <c>check --coverage</c> lists. Never part of a build's diagnostics, so never an error under <c>--strict</c>.</summary>
    Info,
}
