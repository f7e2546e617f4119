using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

public sealed class RatingsExist : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known) =>
        known.RatingKeys.Contains(claim.Verdict.Rating.Value) || Placeholder.IsTodo(claim.Verdict.Rating.Value)
            ? []
            : [References.Unknown(DiagnosticCode.UnknownRating, claim.Verdict.Rating, "rating", known.RatingKeys, "the rating_scale of input/site.yml: ")
                with { Hint = "use one of: " + string.Join(", ", known.RatingKeys) }];
}
