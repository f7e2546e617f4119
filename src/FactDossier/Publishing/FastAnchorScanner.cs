namespace FactDossier.Publishing;

/// <summary>
/// Reads the ids and link targets of HTML as the theme and Markdig write it (tags with plain attribute values, text,
/// a doctype) at memory speed: text between tags is skipped with a vectorised search, and only the values the link
/// check keeps become strings. Where AngleSharp's tokenizer could read the markup differently (a comment, CDATA, a
/// character reference in a kept value, a carriage return…) it returns null and the
/// caller reads that HTML with AngleSharp. Tests hold its result to AngleSharp's on every page of the sites they
/// build and on generated markup.
/// </summary>
public static class FastAnchorScanner
{
    /// <param name="strings">Where kept values come from, so that a value repeated across pages is one string.</param>
    public static HtmlAnchors? TryRead(ReadOnlySpan<char> text, StringPool? strings = null)
    {
        if (text.ContainsAny('\r', '\0'))
        {
            return null; // the tokenizer normalises these
        }

        var items = new List<HtmlAnchor>();
        var line = 1;
        var lineStart = 0; // index of the current line's first character
        var counted = 0;   // line breaks are counted up to this index

        for (var i = 0; ;)
        {
            var next = text[i..].IndexOf('<');
            if (next < 0 || i + next + 1 >= text.Length)
            {
                return new HtmlAnchors(items);
            }

            var open = i + next;
            var c = text[open + 1];
            if (char.IsAsciiLetter(c))
            {
                var (end, added) = ReadTag(text, open + 1, items, open, strings);
                if (end == Unsure)
                {
                    return null;
                }

                if (added > 0)
                {
                    CountLines(text, open, ref counted, ref line, ref lineStart);
                    for (var k = items.Count - added; k < items.Count; k++)
                    {
                        items[k] = items[k] with { Line = line, Column = open - lineStart + 1 };
                    }
                }

                if (end == EndOfInput)
                {
                    items.RemoveRange(items.Count - added, added); // a tag cut off by the end of the input is dropped
                    return new HtmlAnchors(items);
                }

                i = end;
            }
            else if (c == '/' && open + 2 < text.Length && char.IsAsciiLetter(text[open + 2]))
            {
                var (end, _) = ReadTag(text, open + 2, items: null, open, strings);
                if (end < 0)
                {
                    return end == Unsure ? null : new HtmlAnchors(items);
                }

                i = end;
            }
            else if (c == '!' && text[(open + 2)..].StartsWith("DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                var close = text[open..].IndexOfAny('>', '"', '\'');
                if (close < 0 || text[open + close] != '>')
                {
                    return null;
                }

                i = open + close + 1;
            }
            else if (c is '!' or '?' or '/')
            {
                return null; // a comment, CDATA, a bogus comment
            }
            else
            {
                i = open + 1; // a "<" that opens nothing is text
            }
        }
    }

    private const int EndOfInput = -1;
    private const int Unsure = -2;

    /// <summary>
    /// A tag from its name to just after its "&gt;" (or <see cref="EndOfInput"/>, <see cref="Unsure"/>). Adds the
    /// start tag's id and link values (the first of each name, as HTML keeps) to <paramref name="items"/>, at the
    /// index of its "&lt;"; the caller sets their line and column.
    /// </summary>
    private static (int End, int Added) ReadTag(ReadOnlySpan<char> text, int nameStart, List<HtmlAnchor>? items, int open, StringPool? strings)
    {
        var i = nameStart;
        while (i < text.Length && !IsSpace(text[i]) && text[i] is not ('/' or '>'))
        {
            i++;
        }

        var added = 0;
        Span<bool> seen = stackalloc bool[5];
        while (true)
        {
            while (i < text.Length && (IsSpace(text[i]) || text[i] == '/'))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return (EndOfInput, added);
            }

            if (text[i] == '>')
            {
                return (i + 1, added);
            }

            // Its name runs to a space, '/', '>' or '=' (an '=' in first place belongs to the name).
            var attributeStart = i++;
            while (i < text.Length && !IsSpace(text[i]) && text[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var name = text[attributeStart..i];
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            ReadOnlySpan<char> value = default;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && IsSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    return (EndOfInput, added);
                }

                if (text[i] is '"' or '\'')
                {
                    var close = text[(i + 1)..].IndexOf(text[i]);
                    if (close < 0)
                    {
                        return (EndOfInput, added);
                    }

                    value = text.Slice(i + 1, close);
                    i += close + 2;
                }
                else if (text[i] != '>') // "=>" is an empty value, and the end of the tag
                {
                    var valueStart = i;
                    while (i < text.Length && !IsSpace(text[i]) && text[i] != '>')
                    {
                        i++;
                    }

                    value = text[valueStart..i];
                }
            }

            if (items is null)
            {
                continue;
            }

            var which = AnchorIndex(name);
            if (which < 0 || seen[which])
            {
                continue;
            }

            seen[which] = true;
            var isId = which == 0;
            if (isId ? value.Length > 0 : IsInternal(value))
            {
                if (value.Contains('&'))
                {
                    return (Unsure, added); // a character reference: the tokenizer decodes it (an external URL's scheme has none)
                }

                items.Add(new HtmlAnchor(isId, strings?.Get(value) ?? value.ToString(), open, 0, 0));
                added++;
            }
        }
    }

    private static void CountLines(ReadOnlySpan<char> text, int upTo, ref int counted, ref int line, ref int lineStart)
    {
        var span = text[counted..upTo];
        var breaks = span.Count('\n');
        if (breaks > 0)
        {
            line += breaks;
            lineStart = counted + span.LastIndexOf('\n') + 1;
        }

        counted = upTo;
    }

    /// <summary>Whether an attribute (named as AngleSharp names it, in lower case) holds a link the check follows.</summary>
    public static bool IsLinkAttribute(string name) => AnchorIndex(name) > 0;

    // Names are compared as the tokenizer does, after lower-casing ASCII: "HREF" is href.
    private static int AnchorIndex(ReadOnlySpan<char> name) =>
        name.Length switch
        {
            2 when name.Equals("id", StringComparison.OrdinalIgnoreCase) => 0,
            4 when name.Equals("href", StringComparison.OrdinalIgnoreCase) => 1,
            3 when name.Equals("src", StringComparison.OrdinalIgnoreCase) => 2,
            6 when name.Equals("action", StringComparison.OrdinalIgnoreCase) => 3,
            6 when name.Equals("poster", StringComparison.OrdinalIgnoreCase) => 4,
            _ => -1,
        };

    // HTML's whitespace once carriage returns are gone: tab, line feed, form feed, space.
    private static bool IsSpace(char c) => c is '\t' or '\n' or '\f' or ' ';

    public static bool IsInternal(ReadOnlySpan<char> url) =>
        !(url.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
          || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
          || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
          || url.StartsWith("//", StringComparison.Ordinal)
          || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
}
