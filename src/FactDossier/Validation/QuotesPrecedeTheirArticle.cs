using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>An article cannot report words said after it was published: such a date is a typo.</summary>
public sealed class QuotesPrecedeTheirArticle : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var articles = dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var claim in dossier.Claims)
        {
            var quoted = claim.CounterStatements
                .Where(c => c.Quote is not null)
                .Select(c => (c.SaidOn, c.Source))
                .Prepend((claim.Statement.SaidOn, claim.Statement.Source));
            foreach (var (saidOn, source) in quoted)
            {
                if (saidOn is not null
                    && articles.TryGetValue(source?.Value ?? claim.Article.Value, out var article)
                    && saidOn.Value > article.Date)
                {
                    yield return new Diagnostic(DiagnosticCode.ImpossibleChronology, saidOn.Span,
                        $"said on {saidOn.Value:yyyy-MM-dd}, after article '{article.Id}' that quotes it was published ({article.Date:yyyy-MM-dd})",
                        "check 'said_on'; if the words come from a later source, name it with 'source:'");
                }
            }
        }
    }
}
