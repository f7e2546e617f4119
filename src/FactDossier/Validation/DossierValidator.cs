using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// The Validate stage: every rule runs (side by side: each only reads), so an editor sees every cross-file problem at
/// once. Rules over the whole dossier run every time; rules over one claim run on the claims that changed.
/// </summary>
public static class DossierValidator
{
    public static IReadOnlyList<IDossierRule> Rules { get; } =
    [
        new IdsAreUnique(),
        new IdsAreNotReserved(),
        new RatingScaleIsConsistent(),
        new NotCheckedAreShown(),
    ];

    public static IReadOnlyList<IClaimRule> ClaimRules { get; } =
    [
        new ArticlesExist(),
        new SpeakersExist(),
        new SourcesExist(),
        new RatingsExist(),
        new QuotesPrecedeTheirArticle(),
        new FactChecksFollowTheirArticle(),
        new ParagraphsExist(),
    ];

    public static IReadOnlyList<Diagnostic> Validate(Dossier dossier) => Validate(dossier, null, null).Diagnostics;

    /// <param name="last">The last build's claim checks: what a claim the <paramref name="delta"/> does not touch had is kept.</param>
    public static (IReadOnlyList<Diagnostic> Diagnostics, ClaimChecks Checks) Validate(Dossier dossier, Delta? delta, ClaimChecks? last)
    {
        var whole = Rules.AsParallel().SelectMany(rule => rule.Check(dossier).ToList()).ToList();
        var checks = ClaimChecks.Of(dossier, ClaimRules, delta, last);
        return (DiagnosticOrder.Sort([.. whole, .. checks.Diagnostics]), checks);
    }
}
