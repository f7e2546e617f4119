using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>A counter-statement that cites an article by paragraph must name a paragraph it has.</summary>
public sealed class ParagraphsExist : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known)
    {
        foreach (var c in claim.CounterStatements.Where(c => c.Paragraph is not null))
        {
            if (known.Articles.TryGetValue(c.Source?.Value ?? claim.Article.Value, out var article)
                && (c.Paragraph!.Value < 1 || c.Paragraph.Value > article.Text.Paragraphs.Length))
            {
                yield return new Diagnostic(DiagnosticCode.ParagraphOutOfRange, c.Paragraph.Span,
                    $"paragraph {c.Paragraph.Value} does not exist: article '{article.Id}' has {article.Text.Paragraphs.Length}",
                    "count paragraphs from 1, intertitles included, as numbered on the annotated article page");
            }
        }
    }
}
