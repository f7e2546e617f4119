using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>One small, named rule over the whole loaded dossier.</summary>
public interface IDossierRule
{
    IEnumerable<Diagnostic> Check(Dossier dossier);
}
