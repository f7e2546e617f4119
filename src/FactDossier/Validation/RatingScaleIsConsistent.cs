using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// ClaimReview publishes ratingValue between worstRating and bestRating: keys and values must each be distinct, and
/// at least two ratings must be checkable, or there is no numeric scale to publish.
/// </summary>
public sealed class RatingScaleIsConsistent : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var scale = dossier.Site.RatingScale;
        if (scale.Ratings.Length < 2)
        {
            yield return new Diagnostic(DiagnosticCode.InvalidRatingScale, dossier.Site.Span, "the rating scale needs at least two ratings");
        }
        else if (scale.Ratings.Count(r => r.Checkable) < 2)
        {
            yield return new Diagnostic(DiagnosticCode.InvalidRatingScale, scale.Ratings.First(r => !r.Checkable).Span,
                "the rating scale needs at least two checkable ratings: they make the numeric scale ClaimReview publishes",
                "write 'checkable: false' only on ratings for what no record can confirm or refute");
        }

        foreach (var group in scale.Ratings.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var dup in group.Skip(1))
            {
                yield return new Diagnostic(DiagnosticCode.InvalidRatingScale, dup.Span, $"the rating key '{dup.Key}' is used twice");
            }
        }

        foreach (var group in scale.Ratings.GroupBy(r => r.Value).Where(g => g.Count() > 1))
        {
            foreach (var dup in group.Skip(1))
            {
                yield return new Diagnostic(DiagnosticCode.InvalidRatingScale, dup.Span,
                    $"ratings '{group.First().Key}' and '{dup.Key}' have the same value {dup.Value}", "give each rating its own value");
            }
        }
    }
}
