using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>A source reference names a file of <c>input/sources/</c> or an article of the dossier.</summary>
public sealed class SourcesExist : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known)
    {
        var found = new List<Diagnostic>();
        void Check(Located<string>? source)
        {
            if (source is not null && !known.SourceIds.Contains(source.Value) && !Placeholder.IsTodo(source.Value))
            {
                found.Add(References.Unknown(DiagnosticCode.UnknownSource, source, "source or article", known.SourceIds, "input/sources/"));
            }
        }

        // Reported in this order: the claim's list, its statement's source, then each counter-statement's.
        foreach (var source in claim.Sources)
        {
            Check(source);
        }

        Check(claim.Statement.Source);
        foreach (var counter in claim.CounterStatements)
        {
            Check(counter.Source);
        }

        return found;
    }
}
