using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FactDossier.Editing;

/// <summary>
/// The editor's page as published: the theme's <c>admin/index.html</c>, in the site's language (<c>lang</c> on its
/// <c>html</c> element, as every page of the site has; Decap's interface speaks it too, <see cref="DecapConfig"/>'s
/// <c>locale</c>) unless the theme gave the element a language of its own.
/// </summary>
public static partial class EditorPage
{
    public static byte[] InLanguage(byte[] page, string language)
    {
        var text = Encoding.UTF8.GetString(page);
        var html = HtmlStartTag().Match(text);
        if (!html.Success || LangAttribute().IsMatch(html.Groups["attributes"].Value))
        {
            return page;
        }

        var at = html.Groups["attributes"].Index;
        return Encoding.UTF8.GetBytes(text.Insert(at, $" lang=\"{WebUtility.HtmlEncode(language)}\""));
    }

    [GeneratedRegex(@"<html(?<attributes>(?:\s[^>]*)?)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStartTag();

    [GeneratedRegex(@"(?:^|\s)lang\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LangAttribute();
}
