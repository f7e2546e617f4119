using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

public sealed class SpeakersExist : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var ids = dossier.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return dossier.Claims
            .SelectMany(c => c.CounterStatements.Select(cs => cs.Speaker).Prepend(c.Statement.Speaker))
            .OfType<Located<string>>()
            .Where(speaker => !ids.Contains(speaker.Value) && !Placeholder.IsTodo(speaker.Value))
            .Select(speaker => References.Unknown(DiagnosticCode.UnknownPerson, speaker, "person", ids, "input/people/"));
    }
}
