using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// A fact-check is published after the article it checks, and corrected after it is published: an earlier date is a
/// typo, which would publish a datePublished before the statement or a dateModified before the datePublished.
/// </summary>
public sealed class FactChecksFollowTheirArticle : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known)
    {
        if (claim.PublishedOn is not { } published)
        {
            yield break;
        }

        if (known.Articles.TryGetValue(claim.Article.Value, out var article) && published.Value < article.Date)
        {
            yield return new Diagnostic(DiagnosticCode.ImpossibleChronology, published.Span,
                $"published on {published.Value:yyyy-MM-dd}, before article '{article.Id}' it checks ({article.Date:yyyy-MM-dd})",
                "check 'published_on': the day this fact-check is published");
        }

        if (claim.Corrections.Where(c => c.Date < published.Value).Select(c => (DateOnly?)c.Date).Min() is { } early)
        {
            yield return new Diagnostic(DiagnosticCode.ImpossibleChronology, published.Span,
                $"a correction is dated {early:yyyy-MM-dd}, before this fact-check was published ({published.Value:yyyy-MM-dd})",
                "check 'published_on' and the corrections' dates");
        }
    }
}
