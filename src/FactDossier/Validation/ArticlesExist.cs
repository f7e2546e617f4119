using FactDossier.Diagnostics;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Validation;

public sealed class ArticlesExist : IClaimRule
{
    public IEnumerable<Diagnostic> Check(Claim claim, ClaimReferences known) =>
        known.ArticleIds.Contains(claim.Article.Value)
            ? []
            : [References.Unknown(DiagnosticCode.UnknownArticle, claim.Article, "article", known.ArticleIds, "input/articles/")];
}
