using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FactDossier.Rendering;

/// <summary>One HTML encoder for templates and hand-built fragments alike: markup characters escaped, letters left readable.</summary>
public static class Html
{
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
