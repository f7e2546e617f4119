using System.Globalization;
using System.Text;

namespace FactDossier.Planning.Search;

/// <summary>
/// The words of a text as the search matches them: lower case (a final sigma as any sigma), accents removed (NFD,
/// combining marks dropped), cut at every character that is not a letter or a digit, at least two UTF-16 units long.
/// <c>theme/assets/site.js</c> cuts a reader's query the same way.
/// </summary>
public static class SearchTerms
{
    public const int MinLength = 2;

    /// <summary>The distinct terms of the texts, sorted (ordinal).</summary>
    public static string[] Of(IEnumerable<string?> texts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        // A word met again is looked up as the characters it is, without making a string of it.
        var known = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = new char[64];
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            // Most texts have no accent to take off: decomposing them is skipped. JavaScript lowers a final capital
            // sigma to ς where .NET gives σ: both become σ.
            var folded = text.ToLowerInvariant().Replace('ς', 'σ');
            if (!folded.IsNormalized(NormalizationForm.FormD))
            {
                folded = folded.Normalize(NormalizationForm.FormD);
            }

            var length = 0;
            foreach (var rune in folded.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune))
                {
                    if (length + 2 > word.Length)
                    {
                        Array.Resize(ref word, 2 * word.Length);
                    }

                    length += rune.EncodeToUtf16(word.AsSpan(length));
                }
                else if (rune.Value < 0x300 || !IsMark(rune))
                {
                    Add(known, word.AsSpan(0, length));
                    length = 0;
                }
            }

            Add(known, word.AsSpan(0, length));
        }

        return terms.Order(StringComparer.Ordinal).ToArray();
    }

    private static void Add(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> known, ReadOnlySpan<char> word)
    {
        if (word.Length >= MinLength)
        {
            known.Add(word);
        }
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
