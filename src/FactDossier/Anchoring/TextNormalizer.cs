using System.Buffers;
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
        // Folding never lengthens the text but for '…' (three dots) and NFC expansions: grown on demand.
        var text = new char[raw.Length + 8];
        var rawStart = new int[text.Length];
        var rawEnd = new int[text.Length];
        var length = 0;
        var pendingSpace = -1; // raw start of a white-space run not yet written
        var pendingSpaceEnd = -1;

        void Emit(char c, int start, int end)
        {
            if (length == text.Length)
            {
                Grow();
            }

            text[length] = c;
            rawStart[length] = start;
            rawEnd[length] = end;
            length++;
        }

        void Grow()
        {
            Array.Resize(ref text, text.Length * 2);
            Array.Resize(ref rawStart, text.Length);
            Array.Resize(ref rawEnd, text.Length);
        }

        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == ' ' && (i + 1 == raw.Length || raw[i + 1] < '\u0300'))
            {
                if (pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                pendingSpaceEnd = ++i;
                continue;
            }

            // A run of letters, digits and punctuation that folding keeps as it is: copied in one go, but for its
            // last character, which a combining mark after the run could join.
            var run = raw.AsSpan(i).IndexOfAnyExcept(Plain);
            run = (run < 0 ? raw.Length - i : run) - 1;
            if (run > 0)
            {
                if (pendingSpace >= 0 && length > 0 && text[length - 1] != '"')
                {
                    Emit(' ', pendingSpace, pendingSpaceEnd);
                }

                pendingSpace = -1;
                while (length + run > text.Length)
                {
                    Grow();
                }

                raw.AsSpan(i, run).CopyTo(text.AsSpan(length));
                for (var k = 0; k < run; k++)
                {
                    rawStart[length + k] = i + k;
                    rawEnd[length + k] = i + k + 1;
                }

                length += run;
                i += run;
            }

            // Below U+0300 no character combines with a following one of that range (but CR with LF), and each is its
            // own NFC form: the common case needs no grapheme segmentation and no normalisation.
            var simple = raw[i] < '\u0300' && raw[i] != '\r' && (i + 1 == raw.Length || raw[i + 1] < '\u0300');
            var elementLength = simple ? 1 : StringInfo.GetNextTextElementLength(raw, i);
            var element = raw.AsSpan(i, elementLength);
            var start = i;
            var end = i + elementLength;
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
            var afterQuote = length > 0 && text[length - 1] == '"';
            if (pendingSpace >= 0 && length > 0 && !isQuote && !afterQuote)
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

        return new NormalizedText(new string(text, 0, length), rawStart, rawEnd);
    }

    public static string Fold(string s) => Normalize(s).Text;

    // Characters that fold to themselves and stand alone: ASCII but quotes, apostrophes and white space, and the
    // Latin-1 letters (precomposed, so already NFC).
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => (char)c).Where(c => c is not ('"' or '\'' or '`')))
        + string.Concat(Enumerable.Range(0xC0, 0x100 - 0xC0).Select(c => (char)c)));

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
