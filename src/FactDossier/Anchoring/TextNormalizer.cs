using System.Globalization;
using System.Text;

namespace FactDossier.Anchoring;

/// <summary>
/// Folds what typing a quote may change and meaning does not: Unicode NFC, runs of white space (non-breaking
/// included) to one space, « » “ ” „ " to one quote mark with no space inside it, ’ ‘ ' to one apostrophe, dashes to
/// '-', '…' to '...', and invisible characters away. Case and letters are kept: a quote must say the same words.
/// </summary>
public static class TextNormalizer
{
    public static NormalizedText Normalize(string raw)
    {
        var text = new StringBuilder(raw.Length);
        var rawStart = new List<int>(raw.Length);
        var rawEnd = new List<int>(raw.Length);
        var pendingSpace = -1; // raw start of a white-space run not yet written
        var pendingSpaceEnd = -1;

        void Emit(char c, int start, int end)
        {
            text.Append(c);
            rawStart.Add(start);
            rawEnd.Add(end);
        }

        var i = 0;
        while (i < raw.Length)
        {
            // Below U+0300 no character combines with a following one of that range (but CR with LF), and each is its
            // own NFC form: the common case needs no grapheme segmentation and no normalisation.
            var simple = raw[i] < '\u0300' && raw[i] != '\r' && (i + 1 == raw.Length || raw[i + 1] < '\u0300');
            var length = simple ? 1 : StringInfo.GetNextTextElementLength(raw, i);
            var element = raw.AsSpan(i, length);
            var start = i;
            var end = i + length;
            i = end;

            var folded = Fold(element);
            if (folded == Folded.Whitespace)
            {
                if (pendingSpace < 0)
                {
                    pendingSpace = start;
                }

                pendingSpaceEnd = end;
                continue;
            }

            if (folded == Folded.Invisible)
            {
                continue;
            }

            var isQuote = folded == Folded.Quote;
            var afterQuote = text.Length > 0 && text[^1] == '"';
            if (pendingSpace >= 0 && text.Length > 0 && !isQuote && !afterQuote)
            {
                Emit(' ', pendingSpace, pendingSpaceEnd);
            }

            pendingSpace = -1;
            switch (folded)
            {
                case Folded.Quote:
                    Emit('"', start, end);
                    break;
                case Folded.Apostrophe:
                    Emit('\'', start, end);
                    break;
                case Folded.Dash:
                    Emit('-', start, end);
                    break;
                case Folded.Ellipsis:
                    Emit('.', start, end);
                    Emit('.', start, end);
                    Emit('.', start, end);
                    break;
                case Folded.Other when simple:
                    Emit(element[0], start, end);
                    break;
                default:
                    var nfc = element.ToString().Normalize(NormalizationForm.FormC);
                    foreach (var c in nfc)
                    {
                        Emit(c, start, end);
                    }

                    break;
            }
        }

        return new NormalizedText(text.ToString(), [.. rawStart], [.. rawEnd]);
    }

    public static string Fold(string s) => Normalize(s).Text;

    private enum Folded
    {
        Other,
        Whitespace,
        Invisible,
        Quote,
        Apostrophe,
        Dash,
        Ellipsis,
    }

    private static Folded Fold(ReadOnlySpan<char> element)
    {
        if (element.Length != 1)
        {
            // A grapheme of several chars: "\r\n", or a letter with combining marks.
            return element.IndexOfAnyExcept(" \t\r\n") < 0 ? Folded.Whitespace : Folded.Other;
        }

        var c = element[0];
        return c switch
        {
            '"' or '«' or '»' or '“' or '”' or '„' or '‟' or '‹' or '›' or '″' => Folded.Quote,
            '\'' or '’' or '‘' or 'ʼ' or '‚' or '′' or '`' or '´' => Folded.Apostrophe,
            '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => Folded.Dash,
            '…' => Folded.Ellipsis,
            '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => Folded.Invisible,
            _ when char.IsWhiteSpace(c) => Folded.Whitespace,
            _ => Folded.Other,
        };
    }
}
