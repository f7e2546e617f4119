using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// Ids are file names, so two claims with one id live in different sub-folders. Sources and articles share one
/// namespace because a quote's <c>source:</c> may name either.
/// </summary>
public sealed class IdsAreUnique : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var claims = Duplicates(dossier.Claims.Select(c => (c.Id, c.Span, "claim")));
        var people = Duplicates(dossier.People.Select(p => (p.Id, p.Span, "person")));
        var sources = Duplicates(dossier.Articles.Select(a => (a.Id, a.Span, "article")).Concat(dossier.Sources.Select(s => (s.Id, s.Span, "source"))));
        return claims.Concat(people).Concat(sources);
    }

    private static IEnumerable<Diagnostic> Duplicates(IEnumerable<(string Id, SourceSpan Span, string Kind)> items) =>
        items.GroupBy(i => i.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(i => i.Span.Path, StringComparer.Ordinal).ToList();
                var first = ordered[0];
                return ordered.Skip(1).Select(dup => new Diagnostic(DiagnosticCode.DuplicateId, dup.Span,
                    $"the id '{dup.Id}' of this {dup.Kind} is already used by the {first.Kind} in {first.Span.Path}",
                    "rename one of the two files"));
            });
}
