using FactDossier.Diagnostics;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Loading;

/// <summary>An entity's id is its file name; an <c>id:</c> field, when written, must agree with it.</summary>
public static class FileId
{
    public static string? Resolve(string displayPath, Located<string>? written, SourceSpan fileSpan, DiagnosticBag diagnostics)
    {
        var fromName = Path.GetFileNameWithoutExtension(displayPath);
        if (!Slug.IsValid(fromName))
        {
            diagnostics.Add(DiagnosticCode.InvalidId, fileSpan,
                $"the file name '{fromName}' is not a valid id: use lowercase letters, digits and single dashes",
                Slug.From(fromName) is { Length: > 0 } s ? $"rename the file to '{s}{Path.GetExtension(displayPath)}'" : null);
            return null;
        }

        if (written is not null && written.Value != fromName)
        {
            diagnostics.Add(DiagnosticCode.IdDoesNotMatchFileName, written.Span,
                $"id '{written.Value}' differs from the file name '{fromName}'",
                $"write 'id: {fromName}' or rename the file to '{written.Value}{Path.GetExtension(displayPath)}'");
            return null;
        }

        return fromName;
    }
}
