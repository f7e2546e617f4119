using System.Globalization;
using System.Text;

namespace FactDossier.Planning.Search;

/// <summary>
/// The words of a text as the search matches them: lower case, accents removed (NFD, combining marks dropped), cut at
/// every character that is not a letter or a digit, at least two characters long. <c>theme/assets/site.js</c> cuts a
/// reader's query the same way.
/// </summary>
public static class SearchTerms
{
    public const int MinLength = 2;

    /// <summary>The distinct terms of the texts, sorted (ordinal).</summary>
    public static string[] Of(IEnumerable<string?> texts)
    {
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(c);
                }
                else if (!IsMark(c))
                {
                    Flush(word, terms);
                }
            }

            Flush(word, terms);
        }

        return [.. terms];
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static void Flush(StringBuilder word, SortedSet<string> terms)
    {
        if (word.Length >= MinLength)
        {
            terms.Add(word.ToString());
        }

        word.Clear();
    }
}
