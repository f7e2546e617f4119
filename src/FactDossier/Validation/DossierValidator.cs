using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>The Validate stage: every rule runs (side by side: each only reads), so an editor sees every cross-file problem at once.</summary>
public static class DossierValidator
{
    public static IReadOnlyList<IDossierRule> Rules { get; } =
    [
        new IdsAreUnique(),
        new IdsAreNotReserved(),
        new ArticlesExist(),
        new SpeakersExist(),
        new SourcesExist(),
        new RatingsExist(),
        new RatingScaleIsConsistent(),
        new QuotesPrecedeTheirArticle(),
        new FactChecksFollowTheirArticle(),
        new ParagraphsExist(),
    ];

    public static IReadOnlyList<Diagnostic> Validate(Dossier dossier) =>
        DiagnosticOrder.Sort(Rules.AsParallel().SelectMany(rule => rule.Check(dossier).ToList()).ToList());
}
