using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// A list cut into pages puts its later pages under <c>page/</c> (<c>/claims/page/2/</c>, <c>/tags/kyiv/page/2/</c>), so
/// no claim, article, person, source, topic or rating may be called <c>page</c>: its page would take that folder's
/// place. A Markdown page lives at the site's root, beside the folders the site makes: it may not take one's name.
/// </summary>
public sealed class IdsAreNotReserved : IDossierRule
{
    public const string Reserved = "page";

    /// <summary>The site's own folders and files at its root.</summary>
    public static readonly string[] RootNames =
        [Reserved, "claims", "articles", "people", "sources", "tags", "timeline", "verdicts", "corrections-log", "search", "assets"];

    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var named = dossier.Claims.Where(c => c.Id == Reserved).Select(c => (c.Span, Kind: "claim"))
            .Concat(dossier.Articles.Where(a => a.Id == Reserved).Select(a => (a.Span, Kind: "article")))
            .Concat(dossier.People.Where(p => p.Id == Reserved).Select(p => (p.Span, Kind: "person")))
            .Concat(dossier.Sources.Where(s => s.Id == Reserved).Select(s => (s.Span, Kind: "source")))
            .Concat(dossier.Claims.Where(c => c.Tags.Contains(Reserved)).Select(c => (c.Span, Kind: "topic")))
            .Concat(dossier.Site.RatingScale.Ratings.Where(r => r.Key == Reserved).Select(r => (r.Span, Kind: "rating")));
        var ids = named.Select(n => new Diagnostic(DiagnosticCode.ReservedId, n.Span,
            $"a {n.Kind} may not be called '{Reserved}': the site keeps that name for the later pages of its lists",
            n.Kind is "topic" or "rating" ? "choose another name" : "rename the file (and its 'id:')"));
        var pages = dossier.Pages.Where(p => RootNames.Contains(p.Slug, StringComparer.Ordinal)).Select(p => new Diagnostic(DiagnosticCode.ReservedId, p.Span,
            $"a page may not be called '{p.Slug}': the site has a folder of that name", "rename the file"));
        return ids.Concat(pages);
    }
}
