using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

public sealed class RatingsExist : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var keys = dossier.Site.RatingScale.Ratings.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return dossier.Claims
            .Where(c => !keys.Contains(c.Verdict.Rating.Value) && !Placeholder.IsTodo(c.Verdict.Rating.Value))
            .Select(c => References.Unknown(DiagnosticCode.UnknownRating, c.Verdict.Rating, "rating", keys, "the rating_scale of input/site.yml: ")
                with { Hint = "use one of: " + string.Join(", ", keys) });
    }
}
