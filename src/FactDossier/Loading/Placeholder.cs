using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;

namespace FactDossier.Loading;

/// <summary>
/// A value starting with <c>TODO</c> is a blank the editor still has to fill in (<c>new claim</c> writes them). It is a
/// warning, not an error, so a draft can be previewed; <c>--strict</c> makes it an error so that no draft is published.
/// </summary>
public static class Placeholder
{
    public const string Marker = "TODO";

    public static bool IsTodo(string? value) => value is not null && value.StartsWith(Marker, StringComparison.Ordinal);

    public static IEnumerable<YamlScalar> Find(YamlValue? value) => value switch
    {
        YamlScalar s when IsTodo(s.Text) => [s],
        YamlSequence seq => seq.Items.SelectMany(Find),
        YamlMapping map => map.Entries.SelectMany(e => Find(e.Value)),
        _ => [],
    };

    public static void Report(YamlValue? root, DiagnosticBag diagnostics)
    {
        foreach (var scalar in Find(root))
        {
            diagnostics.Add(DiagnosticCode.TodoMarker, scalar.Span, $"still to fill in: {scalar.Text.Trim()}",
                "replace the TODO with the real value; the page is shown as a draft until then");
        }
    }
}
