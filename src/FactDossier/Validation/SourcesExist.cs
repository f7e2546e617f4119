using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>A source reference names a file of <c>input/sources/</c> or an article of the dossier.</summary>
public sealed class SourcesExist : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var ids = dossier.Sources.Select(s => s.Id).Concat(dossier.Articles.Select(a => a.Id)).ToHashSet(StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        void Check(Located<string>? source)
        {
            if (source is not null && !ids.Contains(source.Value) && !Placeholder.IsTodo(source.Value))
            {
                found.Add(References.Unknown(DiagnosticCode.UnknownSource, source, "source or article", ids, "input/sources/"));
            }
        }

        // Plain loops: every reference of every claim, on every preview rebuild. Reported in this order: the claim's list,
        // its statement's source, then each counter-statement's.
        foreach (var claim in dossier.Claims)
        {
            foreach (var source in claim.Sources)
            {
                Check(source);
            }

            Check(claim.Statement.Source);
            foreach (var counter in claim.CounterStatements)
            {
                Check(counter.Source);
            }
        }

        return found;
    }
}
