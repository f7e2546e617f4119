using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>A source reference names a file of <c>input/sources/</c> or an article of the dossier.</summary>
public sealed class SourcesExist : IDossierRule
{
    public IEnumerable<Diagnostic> Check(Dossier dossier)
    {
        var ids = dossier.Sources.Select(s => s.Id).Concat(dossier.Articles.Select(a => a.Id)).ToHashSet(StringComparer.Ordinal);
        return dossier.Claims
            .SelectMany(c => c.Sources
                .Append(c.Statement.Source)
                .Concat(c.CounterStatements.Select(cs => cs.Source)))
            .OfType<Located<string>>()
            .Where(source => !ids.Contains(source.Value) && !Placeholder.IsTodo(source.Value))
            .Select(source => References.Unknown(DiagnosticCode.UnknownSource, source, "source or article", ids, "input/sources/"));
    }
}
