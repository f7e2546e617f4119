using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>An article cannot report words said after it was published: such a date is a typo.</summary>
public sealed class QuotesPrecedeTheirArticle : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known)
    {
        if (Check(claim.Statement.SaidOn, claim.Statement.Source, claim, known.Articles) is { } early)
        {
            yield return early;
        }

        foreach (var counter in claim.CounterStatements)
        {
            if (counter.Quote is not null && Check(counter.SaidOn, counter.Source, claim, known.Articles) is { } late)
            {
                yield return late;
            }
        }
    }

    private static Diagnostic? Check(Located<DateOnly>? saidOn, Located<string>? source, Claim claim, IReadOnlyDictionary<string, Article> articles) =>
        saidOn is not null && articles.TryGetValue(source?.Value ?? claim.Article.Value, out var article) && saidOn.Value > article.Date
            ? new Diagnostic(DiagnosticCode.ImpossibleChronology, saidOn.Span,
                $"said on {saidOn.Value:yyyy-MM-dd}, after article '{article.Id}' that quotes it was published ({article.Date:yyyy-MM-dd})",
                "check 'said_on'; if the words come from a later source, name it with 'source:'")
            : null;
}
