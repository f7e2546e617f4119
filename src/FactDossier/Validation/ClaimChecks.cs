using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// What the claim rules found in each claim. When only claims changed since the last build (<see cref="Delta"/>), the
/// others keep what the last build's checks found: at 10,000 claims the rules read 40,000 quotes, and an edit changes one claim.
/// </summary>
public sealed class ClaimChecks
{
    private readonly Dictionary<string, Diagnostic[]> _found;

    private ClaimChecks(ClaimReferences known, Dictionary<string, Diagnostic[]> found, IReadOnlyList<Diagnostic> diagnostics)
    {
        (Known, _found, Diagnostics) = (known, found, diagnostics);
    }

    private ClaimReferences Known { get; }

    /// <summary>Every finding, claim by claim, each claim's in the rules' order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <param name="last">The last build's checks, used for the claims <paramref name="delta"/> does not touch.</param>
    public static ClaimChecks Of(Dossier dossier, IReadOnlyList<IClaimRule> rules, Delta? delta = null, ClaimChecks? last = null)
    {
        var reusable = delta is { OnlyClaims: true } ? last : null;
        var known = reusable?.Known ?? new ClaimReferences(dossier); // only claims changed: the ids they may name are the same
        var found = new Diagnostic[dossier.Claims.Length][];
        Parallel.For(0, found.Length, i =>
        {
            var claim = dossier.Claims[i];
            found[i] = reusable is not null && !delta!.Touches(claim.Id) && reusable._found.TryGetValue(claim.Id, out var kept)
                ? kept
                : [.. rules.SelectMany(rule => rule.Check(claim, known))];
        });
        var byClaim = new Dictionary<string, Diagnostic[]>(found.Length, StringComparer.Ordinal);
        for (var i = 0; i < found.Length; i++)
        {
            byClaim.TryAdd(dossier.Claims[i].Id, found[i]); // a repeated id is FD0101: such a build is never the last one
        }

        return new ClaimChecks(known, byClaim, [.. found.SelectMany(f => f)]);
    }
}
