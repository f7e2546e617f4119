using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// What the claim rules found in each claim. Made again from the last checks, a claim loaded as the same object, in a
/// dossier whose other files are the same objects, keeps its findings: at 10,000 claims the rules read 40,000 quotes,
/// and an edit changes one claim.
/// </summary>
public sealed class ClaimChecks
{
    private readonly Dictionary<Claim, Diagnostic[]> _found;

    private ClaimChecks(ClaimReferences known, Dictionary<Claim, Diagnostic[]> found, IReadOnlyList<Diagnostic> diagnostics)
    {
        (Known, _found, Diagnostics) = (known, found, diagnostics);
    }

    private ClaimReferences Known { get; }

    /// <summary>Every finding, claim by claim, each claim's in the rules' order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static ClaimChecks Of(Dossier dossier, IReadOnlyList<IClaimRule> rules, ClaimChecks? last = null)
    {
        var reusable = last is not null && last.Known.AreThoseOf(dossier) ? last : null;
        var known = reusable?.Known ?? new ClaimReferences(dossier);
        var found = new Diagnostic[dossier.Claims.Length][];
        Parallel.For(0, found.Length, i =>
        {
            var claim = dossier.Claims[i];
            found[i] = reusable is not null && reusable._found.TryGetValue(claim, out var kept)
                ? kept
                : [.. rules.SelectMany(rule => rule.Check(claim, known))];
        });
        var byClaim = new Dictionary<Claim, Diagnostic[]>(found.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < found.Length; i++)
        {
            byClaim[dossier.Claims[i]] = found[i];
        }

        return new ClaimChecks(known, byClaim, [.. found.SelectMany(f => f)]);
    }
}
