using System.Collections.Immutable;
using System.Globalization;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Loading;

/// <summary>
/// Typed, positioned access to the fields of one YAML block. Every wrong shape becomes a diagnostic and a null,
/// so that a loader keeps going and reports all the problems of a file in one run.
/// </summary>
public sealed partial class FieldReader
{
    private readonly YamlMapping _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _blockName;
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);

    public FieldReader(YamlMapping mapping, string blockName, IReadOnlyCollection<string> knownFields, DiagnosticBag diagnostics)
    {
        _mapping = mapping;
        _blockName = blockName;
        _diagnostics = diagnostics;
        foreach (var entry in mapping.Entries)
        {
            if (!knownFields.Contains(entry.Key.Text))
            {
                var guess = EditDistance.Closest(entry.Key.Text, knownFields);
                if (guess is not null)
                {
                    _suggested.Add(guess);
                }

                var message = guess is null
                    ? $"'{entry.Key.Text}' is not a field of {blockName}"
                    : $"'{entry.Key.Text}' is not a field of {blockName}; did you mean '{guess}'?";
                diagnostics.Add(DiagnosticCode.UnknownField, entry.Key.Span, message,
                    "allowed fields: " + string.Join(", ", knownFields));
            }
        }
    }

    public SourceSpan Span => _mapping.Span;

    public static FieldReader? ForValue(YamlValue? value, string blockName, IReadOnlyCollection<string> knownFields, DiagnosticBag diagnostics)
    {
        if (value is YamlMapping mapping)
        {
            return new FieldReader(mapping, blockName, knownFields, diagnostics);
        }

        if (value is not null)
        {
            diagnostics.Add(DiagnosticCode.WrongType, value.Span, $"{blockName} must be a set of 'field: value' lines, not {value.KindName}");
        }

        return null;
    }

    public YamlValue? Value(string name) =>
        Entry(name) is { } entry
            ? entry.Value is YamlScalar { IsNull: true } ? null : entry.Value
            : null;

    public SourceSpan SpanOf(string name) => Entry(name)?.Key.Span ?? _mapping.Span;

    // A loop, not FirstOrDefault: called for every field of every file.
    private YamlEntry? Entry(string name)
    {
        foreach (var entry in _mapping.Entries)
        {
            if (entry.Key.Text == name)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>A TODO in a date, URL or number is a blank still to fill in, reported once as such, not as a bad value.</summary>
    private static YamlValue? Typed(YamlValue? value) => value is YamlScalar s && Placeholder.IsTodo(s.Text) ? null : value;

    private YamlValue? Required(string name, string what)
    {
        var value = Value(name);
        if (value is null && !_suggested.Contains(name)) // a misspelt field was already reported with "did you mean"
        {
            var present = Entry(name) is not null;
            _diagnostics.Add(DiagnosticCode.MissingField, present ? SpanOf(name) : _mapping.Span,
                present ? $"'{name}' of {_blockName} is empty" : $"{_blockName} has no '{name}'",
                $"add '{name}: <{what}>'");
        }

        return value;
    }

    public Located<string>? Text(string name, bool required = false)
    {
        var value = required ? Required(name, "text") : Value(name);
        return value is null ? null : ReadText(value, $"'{name}'", _diagnostics);
    }

    public string? TextValue(string name, bool required = false) => Text(name, required)?.Value;

    public Located<string>? ShortText(string name, int maxLength, string why, bool required = false)
    {
        var text = Text(name, required);
        if (text is not null && text.Value.Length > maxLength && !Placeholder.IsTodo(text.Value))
        {
            _diagnostics.Add(DiagnosticCode.TooLong, text.Span, $"'{name}' has {text.Value.Length} characters, more than {maxLength}: {why}",
                "shorten it; the details belong in the verdict's summary and explanation");
            return null;
        }

        return text;
    }

    /// <summary>A BCP 47 language tag as HTML's lang attribute takes it: fr, en, pt-BR…</summary>
    public Located<string>? Language(string name, bool required = false)
    {
        var text = Text(name, required);
        if (text is null || LanguageTag().IsMatch(text.Value))
        {
            return text;
        }

        _diagnostics.Add(DiagnosticCode.InvalidLanguage, text.Span, $"'{text.Value}' is not a language code",
            "write a code such as fr, en, uk or ru");
        return null;
    }

    public static bool IsLanguageTag(string text) => LanguageTag().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();

    public Located<string>? Id(string name, bool required = false)
    {
        var text = Text(name, required);
        return text is null ? null : CheckId(text, _diagnostics);
    }

    public DateOnly? Date(string name, bool required = false) => LocatedDate(name, required)?.Value;

    public Located<DateOnly>? LocatedDate(string name, bool required = false)
    {
        var value = Typed(required ? Required(name, "YYYY-MM-DD") : Value(name));
        return value is not null && ReadDate(value, $"'{name}'", _diagnostics) is { } date ? new Located<DateOnly>(date, value.Span) : null;
    }

    public Uri? Url(string name, bool required = false)
    {
        var value = Typed(required ? Required(name, "https://…") : Value(name));
        return value is null ? null : ReadUrl(value, $"'{name}'", _diagnostics);
    }

    public int? Number(string name, bool required = false) => LocatedNumber(name, required)?.Value;

    public Located<int>? LocatedNumber(string name, bool required = false)
    {
        var value = Typed(required ? Required(name, "number") : Value(name));
        if (value is null || ReadText(value, $"'{name}'", _diagnostics) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return new Located<int>(n, value.Span);
        }

        _diagnostics.Add(DiagnosticCode.InvalidNumber, value.Span, $"'{name}' must be a whole number, not '{text.Value}'");
        return null;
    }

    public Located<string>? Choice(string name, IReadOnlyList<string> allowed, bool required = false)
    {
        var text = Text(name, required);
        if (text is null || allowed.Contains(text.Value))
        {
            return text;
        }

        if (Placeholder.IsTodo(text.Value))
        {
            return null;
        }

        var guess = EditDistance.Closest(text.Value, allowed);
        _diagnostics.Add(DiagnosticCode.InvalidChoice, text.Span,
            $"'{text.Value}' is not a valid {name}" + (guess is null ? "" : $"; did you mean '{guess}'?"),
            "use one of: " + string.Join(", ", allowed));
        return null;
    }

    public ImmutableArray<Located<string>> TextList(string name) =>
        List(name, "text", (v, what) => ReadText(v, what, _diagnostics));

    public ImmutableArray<Located<string>> IdList(string name) =>
        List(name, "id", (v, what) => ReadText(v, what, _diagnostics) is { } t ? CheckId(t, _diagnostics) : null);

    public ImmutableArray<YamlMapping> BlockList(string name, string itemName) =>
        List(name, itemName, (v, _) =>
        {
            if (v is YamlMapping m)
            {
                return m;
            }

            _diagnostics.Add(DiagnosticCode.WrongType, v.Span, $"each item of '{name}' must be {itemName} written as 'field: value' lines, not {v.KindName}");
            return null;
        });

    private ImmutableArray<T> List<T>(string name, string itemWhat, Func<YamlValue, string, T?> readItem)
        where T : class
    {
        var value = Value(name);
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequence sequence)
        {
            _diagnostics.Add(DiagnosticCode.WrongType, value.Span, $"'{name}' must be a list, not {value.KindName}",
                $"write '{name}: [a, b]' or one '- {itemWhat}' per line");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            if (readItem(item, $"an item of '{name}'") is { } read)
            {
                builder.Add(read);
            }
        }

        return builder.ToImmutable();
    }

    public static Located<string>? ReadText(YamlValue value, string what, DiagnosticBag diagnostics)
    {
        if (value is not YamlScalar scalar)
        {
            diagnostics.Add(DiagnosticCode.WrongType, value.Span, $"{what} must be text, not {value.KindName}",
                value is YamlSequence ? "remove the brackets or the '- ' in front" : "if the text contains ': ', put it in quotes");
            return null;
        }

        if (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Text))
        {
            diagnostics.Add(DiagnosticCode.EmptyValue, scalar.Span, $"{what} is empty");
            return null;
        }

        return new Located<string>(scalar.Text.Trim(), scalar.Span);
    }

    private static Located<string>? CheckId(Located<string> text, DiagnosticBag diagnostics)
    {
        if (Slug.IsValid(text.Value) || Placeholder.IsTodo(text.Value))
        {
            return text;
        }

        diagnostics.Add(DiagnosticCode.InvalidId, text.Span,
            $"'{text.Value}' is not a valid id: use lowercase letters, digits and single dashes",
            Slug.From(text.Value) is { Length: > 0 } slug ? $"write '{slug}'" : null);
        return null;
    }

    public static DateOnly? ReadDate(YamlValue value, string what, DiagnosticBag diagnostics)
    {
        if (ReadText(value, what, diagnostics) is not { } text)
        {
            return null;
        }

        var s = text.Value;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            if (y is < 1 or > 9999 || m is < 1 or > 12)
            {
                diagnostics.Add(DiagnosticCode.InvalidDate, text.Span, $"{what}: '{s}' is not a possible date (month {m:00} does not exist)");
                return null;
            }

            var days = DateTime.DaysInMonth(y, m);
            if (d < 1 || d > days)
            {
                var month = new DateOnly(y, m, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
                diagnostics.Add(DiagnosticCode.InvalidDate, text.Span, $"{what}: '{s}' is not a possible date ({month} has {days} days)");
                return null;
            }

            return new DateOnly(y, m, d);
        }

        diagnostics.Add(DiagnosticCode.InvalidDate, text.Span, $"{what}: '{s}' is not a date in the form YYYY-MM-DD",
            "write dates as year-month-day, e.g. 2022-03-29");
        return null;
    }

    public static Uri? ReadUrl(YamlValue value, string what, DiagnosticBag diagnostics)
    {
        if (ReadText(value, what, diagnostics) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text.Value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            && !text.Value.Any(char.IsWhiteSpace))
        {
            return uri;
        }

        diagnostics.Add(DiagnosticCode.InvalidUrl, text.Span, $"{what}: '{text.Value}' is not an absolute http(s) URL",
            text.Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? $"write 'https://{text.Value}'" : "write the full address, starting with https://");
        return null;
    }
}
