using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

public sealed class SpeakersExist : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known)
    {
        var found = new List<Diagnostic>();
        void Check(Located<string>? speaker)
        {
            if (speaker is not null && !known.PersonIds.Contains(speaker.Value) && !Placeholder.IsTodo(speaker.Value))
            {
                found.Add(References.Unknown(DiagnosticCode.UnknownPerson, speaker, "person", known.PersonIds, "input/people/"));
            }
        }

        Check(claim.Statement.Speaker);
        foreach (var counter in claim.CounterStatements)
        {
            Check(counter.Speaker);
        }

        return found;
    }
}
