namespace FactDossier.Coverage;

/// <summary>A quotation: its marks at <c>[Open, Close]</c>, its words at <c>[Start, End)</c> (raw offsets, spaces trimmed).</summary>
public sealed record Quotation(int Open, int Close, int Start, int End);

/// <summary>
/// The quotations of one paragraph: words between « », “ ”, „ “, ‘ ’ or straight double quotes, also when the closing
/// mark is not the opening one's (« … ", as the seed prints some). A quotation inside another is part of it.
/// </summary>
public static class Quotations
{
    private enum Role
    {
        Open,
        Close,
    }

    private readonly record struct Mark(int At, char Char, Role Role);

    /// <summary>The quotations of <c>raw[from..to)</c>, one paragraph (a quotation never runs over into the next).</summary>
    public static IReadOnlyList<Quotation> In(string raw, int from, int to)
    {
        var marks = Marks(raw, from, to);
        var found = new List<Quotation>();
        for (var i = 0; i < marks.Count; i++)
        {
            if (marks[i].Role != Role.Open || CloserOf(marks, i) is not { } j)
            {
                continue; // a closing mark with nothing open, or an opening one never closed: no quotation
            }

            var (start, end) = Words(raw, marks[i].At + 1, marks[j].At);
            if (end > start)
            {
                found.Add(new Quotation(marks[i].At, marks[j].At, start, end));
            }

            i = j; // what lies inside (a quotation within it) is part of it
        }

        return found;
    }

    /// <summary>
    /// The mark that closes the one opened at <paramref name="open"/>: its own kind's (» for «) if one comes before
    /// the next opening of that kind, else the first closing mark of any kind (« … ").
    /// </summary>
    private static int? CloserOf(List<Mark> marks, int open)
    {
        var opener = marks[open].Char;
        for (var k = open + 1; k < marks.Count; k++)
        {
            if (marks[k].Role == Role.Open && marks[k].Char == opener)
            {
                break;
            }

            if (marks[k].Role == Role.Close && Closes(opener, marks[k].Char))
            {
                return k;
            }
        }

        for (var k = open + 1; k < marks.Count; k++)
        {
            if (marks[k].Role == Role.Close && (opener == '‘') == (marks[k].Char == '’'))
            {
                return k; // a single quote closes only a single quote: ’ is far more often an apostrophe
            }
        }

        return null;
    }

    private static bool Closes(char opener, char closer) => (opener, closer) switch
    {
        ('«', '»') or ('“', '”') or ('‘', '’') or ('"', '"') => true,
        ('„', '“' or '”') => true,
        _ => false,
    };

    private static readonly System.Buffers.SearchValues<char> MarkChars = System.Buffers.SearchValues.Create("«»“”„‘’\"");

    private static List<Mark> Marks(string raw, int from, int to)
    {
        var marks = new List<Mark>();
        for (var i = from; i < to; i++)
        {
            var next = raw.AsSpan(i, to - i).IndexOfAny(MarkChars); // most of a paragraph holds no mark: skipped in one search
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = raw[i];
            var before = i == from ? ' ' : raw[i - 1];
            var after = i + 1 == to ? ' ' : raw[i + 1];
            Role? role = c switch
            {
                '«' or '„' or '‘' => Role.Open,
                '“' => Straight(before, after) ?? Role.Open, // opens in English, closes „ … “ in German
                '»' or '”' => Role.Close,
                '’' when !char.IsLetterOrDigit(after) => Role.Close, // l’Otan: an apostrophe
                '"' => Straight(before, after),
                _ => null,
            };
            if (role is { } r)
            {
                marks.Add(new Mark(i, c, r));
            }
        }

        return marks;
    }

    /// <summary>A straight quote opens after a space and before a word, and closes after a word and before a space or punctuation.</summary>
    private static Role? Straight(char before, char after)
    {
        var spaceBefore = char.IsWhiteSpace(before) || "([{«—–-/".Contains(before);
        var spaceAfter = char.IsWhiteSpace(after) || ".,;:!?)]}»…".Contains(after);
        return (spaceBefore, spaceAfter) switch
        {
            (true, false) => Role.Open,
            (false, true) => Role.Close,
            _ => null, // on its own, or inside a word: not told
        };
    }

    /// <summary>The words of <c>raw[start..end)</c>: without the spaces and the final full stop or comma around them.</summary>
    public static (int Start, int End) Words(string raw, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(raw[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(raw[end - 1]) || raw[end - 1] is '.' or ',' or ';' or ':'))
        {
            end--;
        }

        return (start, end);
    }
}
