using System.Globalization;
using System.Text;

namespace FactDossier.Charts;

/// <summary>
/// How wide a line of text is drawn, estimated without a font at hand: the theme's text is the reader's system font,
/// so each character is given its advance in DejaVu Sans, the widest of the common ones (Arial, Liberation, Inter,
/// Segoe UI and Roboto draw narrower), and a letter with accents its base letter's. An estimate that errs on the wide
/// side: a label said to fit does, whatever the font (a browser test holds it to Chromium's own measure).
/// </summary>
public static class TextWidth
{
    // Advance widths of DejaVu Sans Book, in thousandths of an em, for the printable ASCII characters from U+0020.
    private static readonly short[] Ascii =
    [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ];

    /// <summary>Any other character: as wide as the widest letter, so that an unknown script is never drawn short.</summary>
    private const int Other = 1000;

    /// <summary>The drawn width of <paramref name="text"/> at <paramref name="fontSize"/> pixels.</summary>
    public static double Of(string text, double fontSize)
    {
        var thousandths = 0;
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue; // an accent sits on its letter
            }

            thousandths += rune.Value is >= 0x20 and < 0x7F ? Ascii[rune.Value - 0x20] : Quote(rune.Value) ?? Other;
        }

        return thousandths * fontSize / 1000;
    }

    /// <summary>Typographic quotes and dashes, common in names and titles, as wide as their plain forms.</summary>
    private static int? Quote(int c) => c switch
    {
        0x2018 or 0x2019 => Ascii['\'' - 0x20],
        0x201C or 0x201D or 0xAB or 0xBB => Ascii['"' - 0x20],
        0x2013 or 0x2014 => Ascii['-' - 0x20] * 2,
        0xA0 => Ascii[0],
        _ => null,
    };

    /// <summary>
    /// <paramref name="text"/> cut between words into lines of at most <paramref name="width"/> pixels; a word wider
    /// than that is a line of its own, whole (never cut, never ended with an ellipsis: the layout gives it room).
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double width, double fontSize)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Of(longer, fontSize) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The widest word of <paramref name="text"/>: the least width its lines can have.</summary>
    public static double WidestWord(string text, double fontSize) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Of(w, fontSize)).DefaultIfEmpty(0).Max();
}
