using System.Buffers;
using System.Text;

namespace FactDossier.Planning;

/// <summary>
/// Text escaped as <see cref="System.Xml.XmlWriter"/> escapes it (with its default settings and "\n" line breaks), for
/// XML written by hand: markup characters as entities, line breaks as "\n" in text and as character references in
/// attributes. Characters XML cannot hold (most control characters, lone surrogates) become U+FFFD.
/// </summary>
internal static class XmlText
{
    // Every character that may need more than copying: most texts have none, and are returned as they are.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        string.Concat(Enumerable.Range(0, ' ').Select(c => (char)c)) + "&<>\"\uFFFE\uFFFF" + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    public static string Escape(string text, bool attribute = false)
    {
        if (!text.AsSpan().ContainsAny(Special))
        {
            return text;
        }

        var to = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': to.Append("&amp;"); break;
                case '<': to.Append("&lt;"); break;
                case '>': to.Append("&gt;"); break;
                case '"' when attribute: to.Append("&quot;"); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break; // "\r\n" is one line break
                case '\r' or '\n': to.Append(attribute ? "&#xA;" : "\n"); break;
                case '\t' when attribute: to.Append("&#x9;"); break;
                case < ' ' and not '\t': to.Append('\uFFFD'); break;
                case '\uFFFE' or '\uFFFF': to.Append('\uFFFD'); break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    to.Append(c).Append(text[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF': to.Append('\uFFFD'); break;
                default: to.Append(c); break;
            }
        }

        return to.ToString();
    }
}
