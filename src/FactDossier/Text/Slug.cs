using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FactDossier.Text;

/// <summary>Ids are lowercase ASCII slugs, so that they are safe as file names and URL segments everywhere.</summary>
public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string s) => Pattern().IsMatch(s);

    public static string From(string text, int maxWords = int.MaxValue)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var words = 0;
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && sb.Length > 0)
                {
                    if (words + 1 >= maxWords)
                    {
                        break;
                    }

                    sb.Append('-');
                    words++;
                }

                pendingDash = false;
                sb.Append(lower);
            }
            else
            {
                pendingDash = true;
            }
        }

        return sb.ToString();
    }
}
