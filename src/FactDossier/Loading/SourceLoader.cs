using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

public static class SourceLoader
{
    public static readonly string[] Fields = ["id", "publisher", "title", "date", "url", "archive_url", "language", "note"];

    public static Source? Read(YamlValue? root, string path, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(root, "a source", Fields, diagnostics);
        if (f is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(path), "the source file is empty");
            return null;
        }

        var id = FileId.Resolve(path, f.Id("id"), f.Span, diagnostics);
        var publisher = f.TextValue("publisher", required: true);
        var title = f.TextValue("title", required: true);
        var source = new Source(id ?? "", publisher ?? "", title ?? "", f.Date("date"), f.Url("url"), f.Url("archive_url"),
            f.Language("language")?.Value, f.TextValue("note"), f.Span);
        return id is null || publisher is null || title is null ? null : source;
    }
}
