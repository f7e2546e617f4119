namespace FactDossier.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
