using System.Collections.Immutable;
using System.Globalization;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Loading.Yaml;

namespace FactDossier.Rendering;

/// <summary>The theme's words in one language, from <c>theme/strings.&lt;lang&gt;.yml</c> (flat <c>key: text</c>).</summary>
public sealed class UiStrings
{
    private readonly ImmutableDictionary<string, string> _strings;

    private UiStrings(string language, ImmutableDictionary<string, string> strings)
    {
        Language = language;
        _strings = strings;
    }

    public string Language { get; }

    public IReadOnlyDictionary<string, string> All => _strings;

    public string this[string key] => _strings.TryGetValue(key, out var s) ? s : key;

    public static UiStrings? Load(string themeDirectory, string language, InputLayout layout, DiagnosticBag diagnostics)
    {
        var file = Path.Combine(themeDirectory, $"strings.{language}.yml");
        var path = layout.Display(file);
        if (!File.Exists(file))
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(path), $"the theme has no strings for language '{language}'",
                $"add {path} or set 'language' in input/site.yml to a language the theme has");
            return null;
        }

        var text = TextFileReader.Read(file, path, diagnostics);
        if (YamlTreeReader.Read(text ?? "", path, diagnostics) is not YamlMapping mapping)
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (FieldReader.ReadText(entry.Value, $"'{entry.Key.Text}'", diagnostics) is { } value)
            {
                builder[entry.Key.Text] = value.Value;
            }
        }

        return new UiStrings(language, builder.ToImmutable());
    }

    /// <summary>"29 March 2022" / "29 mars 2022", from <c>date_format</c> and <c>month_1</c>…<c>month_12</c>.</summary>
    public string FormatDate(DateOnly date)
    {
        var day = date.Day == 1 && _strings.TryGetValue("day_first", out var first) ? first : date.Day.ToString(CultureInfo.InvariantCulture);
        return this["date_format"]
            .Replace("{day}", day, StringComparison.Ordinal)
            .Replace("{month}", this[$"month_{date.Month}"], StringComparison.Ordinal)
            .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>"March 2022" / "mars 2022", from <c>month_format</c> and <c>month_1</c>…<c>month_12</c>.</summary>
    public string FormatMonth(int year, int month) =>
        this["month_format"]
            .Replace("{month}", this[$"month_{month}"], StringComparison.Ordinal)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
