using FactDossier.Diagnostics;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Validation;

public sealed class ArticlesExist : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var ids = dossier.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return dossier.Claims
            .Where(c => !ids.Contains(c.Article.Value))
            .Select(c => References.Unknown(DiagnosticCode.UnknownArticle, c.Article, "article", ids, "input/articles/"));
    }
}
