namespace FactDossier.Text;

/// <summary>Text cut into lines between words, for drawings that have no line wrapping of their own.</summary>
public static class TextLines
{
    private static readonly char[] Punctuation = [',', ';', ':', '.', ' '];

    /// <summary>
    /// Lines of at most <paramref name="width"/> characters (a longer word is cut), at most <paramref name="most"/> of
    /// them; when the text does not fit, the last line ends with an ellipsis after its last whole word.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int most)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var line = "";
        var i = 0;
        for (; i < words.Length && lines.Count < most; i++)
        {
            var word = words[i].Length > width ? words[i][..(width - 1)] + "…" : words[i];
            if (line.Length == 0)
            {
                line = word;
            }
            else if (line.Length + 1 + word.Length <= width)
            {
                line += " " + word;
            }
            else
            {
                lines.Add(line);
                line = word;
            }
        }

        if (lines.Count < most && line.Length > 0)
        {
            lines.Add(line);
            line = "";
        }

        if (i < words.Length || line.Length > 0)
        {
            // More words than lines: the last line makes room for its ellipsis.
            var last = lines[^1].TrimEnd(Punctuation);
            while (last.Length + 1 > width && last.LastIndexOf(' ') is var space and > 0)
            {
                last = last[..space].TrimEnd(Punctuation);
            }

            lines[^1] = last + "…";
        }

        return lines;
    }
}
