using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

public static class PersonLoader
{
    public static readonly string[] Fields = ["id", "name", "name_in_article", "kind", "role", "organisation", "wikidata", "note"];
    public static readonly string[] Kinds = ["person", "organisation"];

    public static Person? Read(YamlValue? root, string path, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(root, "a person", Fields, diagnostics);
        if (f is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(path), "the person file is empty");
            return null;
        }

        var id = FileId.Resolve(path, f.Id("id"), f.Span, diagnostics);
        var name = f.TextValue("name", required: true);
        var kind = f.Choice("kind", Kinds)?.Value == "organisation" ? PersonKind.Organisation : PersonKind.Person;
        var wikidata = f.Text("wikidata");
        if (wikidata is not null && !IsWikidataId(wikidata.Value))
        {
            diagnostics.Add(DiagnosticCode.InvalidId, wikidata.Span, $"'{wikidata.Value}' is not a Wikidata id", "write it as Q followed by digits, e.g. Q57614");
            wikidata = null;
        }

        var person = new Person(id ?? "", name ?? "", f.TextValue("name_in_article"), kind, f.TextValue("role"),
            f.TextValue("organisation"), wikidata?.Value, f.TextValue("note"), f.Span);
        return id is null || name is null ? null : person;
    }

    private static bool IsWikidataId(string s) => s.Length > 1 && s[0] == 'Q' && s.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
