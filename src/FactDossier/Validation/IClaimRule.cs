using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// One small, named rule over one claim and what it refers to. What it finds in a claim depends on nothing else, so the
/// preview checks again only the claims edited (<see cref="ClaimChecks"/>).
/// </summary>
public interface IClaimRule
{
    IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known);
}
