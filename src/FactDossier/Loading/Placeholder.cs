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

    private const string Hint = "replace the TODO with the real value; until then a claim is shown as a draft, and --strict fails";

    public static void Report(YamlValue? root, DiagnosticBag diagnostics)
    {
        foreach (var scalar in Find(root))
        {
            diagnostics.Add(DiagnosticCode.TodoMarker, scalar.Span, $"still to fill in: {scalar.Text.Trim()}", Hint);
        }
    }

    /// <summary>The lines of a Markdown text that start with TODO (<c>new dossier</c>'s methodology page has some).</summary>
    /// <param name="firstLine">The file's line number of the text's first line.</param>
    public static void ReportLines(string text, string path, int firstLine, DiagnosticBag diagnostics)
    {
        var number = firstLine;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(Marker, StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticCode.TodoMarker, new SourceSpan(path, number, line.Length - trimmed.Length + 1),
                    $"still to fill in: {trimmed.TrimEnd().ToString()}", Hint);
            }

            number++;
        }
    }
}
