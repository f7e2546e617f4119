using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// A list cut into pages puts its later pages under <c>page/</c> (<c>/claims/page/2/</c>, <c>/tags/kyiv/page/2/</c>), so
/// no claim, person, source, topic or rating may be called <c>page</c>: its page would take that folder's place.
/// </summary>
public sealed class IdsAreNotReserved : IDossierRule
{
    public const string Reserved = "page";

    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var named = dossier.Claims.Where(c => c.Id == Reserved).Select(c => (c.Span, "claim"))
            .Concat(dossier.People.Where(p => p.Id == Reserved).Select(p => (p.Span, "person")))
            .Concat(dossier.Sources.Where(s => s.Id == Reserved).Select(s => (s.Span, "source")))
            .Concat(dossier.Claims.Where(c => c.Tags.Contains(Reserved)).Select(c => (c.Span, "topic")))
            .Concat(dossier.Site.RatingScale.Ratings.Where(r => r.Key == Reserved).Select(r => (r.Span, "rating")));
        return named.Select(n => new Diagnostic(DiagnosticCode.ReservedId, n.Span,
            $"a {n.Item2} may not be called '{Reserved}': the site keeps that name for the later pages of its lists",
            n.Item2 is "claim" or "person" or "source" ? "rename the file (and its 'id:')" : "choose another name"));
    }
}
