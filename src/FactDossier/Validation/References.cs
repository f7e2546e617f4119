using FactDossier.Diagnostics;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Validation;

internal static class References
{
    public static Diagnostic Unknown(DiagnosticCode code, Located<string> reference, string kind, IReadOnlyCollection<string> known, string folder)
    {
        var guess = EditDistance.Closest(reference.Value, known);
        var message = $"no {kind} has the id '{reference.Value}'" + (guess is null ? "" : $"; did you mean '{guess}'?");
        var hint = guess is null ? $"add {folder}{reference.Value}.yml or use the id of an existing {kind}" : null;
        return new Diagnostic(code, reference.Span, message, hint);
    }
}
