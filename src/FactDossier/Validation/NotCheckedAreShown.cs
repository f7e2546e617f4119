using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>
/// Passages left out on purpose are told to readers, with why (IFCN's transparency on what is not checked): when an
/// article has <c>not_checked</c>, a page of <c>input/pages/</c> must list them (<c>not_checked: true</c> in its front matter).
/// </summary>
public sealed class NotCheckedAreShown : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        if (dossier.Pages.Any(p => p.ListsNotChecked))
        {
            yield break;
        }

        foreach (var article in dossier.Articles.Where(a => !a.NotChecked.IsEmpty))
        {
            yield return new Diagnostic(DiagnosticCode.NotCheckedNotShown, article.NotChecked[0].Span,
                $"article '{article.Id}' leaves {article.NotChecked.Length} passage(s) unchecked, but no page tells readers which and why",
                "add 'not_checked: true' to the front matter of the methodology page in input/pages/");
        }
    }
}
