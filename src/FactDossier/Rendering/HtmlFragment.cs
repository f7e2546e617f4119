using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FactDossier.Publishing;
using Fluid.Values;

namespace FactDossier.Rendering;

/// <summary>
/// HTML rendered once and included in many pages (a claim's card is on the home page, two tag pages and its
/// article's page). Written into a <see cref="PageWriter"/> it stays one piece, so its UTF-8 bytes and its links are
/// computed once, however many pages include it. It must be complete elements (it is read on its own by the link check).
/// </summary>
public sealed class HtmlFragment : FluidValue
{
    private HtmlAnchors? _anchors;

    public HtmlFragment(string html)
    {
        Html = html;
        Utf8 = Encoding.UTF8.GetBytes(html);
        NewLines = html.AsSpan().Count('\n');
        LastLineLength = html.Length - (html.LastIndexOf('\n') + 1);
    }

    public string Html { get; }

    public byte[] Utf8 { get; }

    public int NewLines { get; }

    /// <summary>Characters after the last line break: where the page's next character sits on its line.</summary>
    public int LastLineLength { get; }

    /// <summary>Its ids and links, read once (racing threads compute the same value).</summary>
    public HtmlAnchors Anchors => _anchors ??= LinkChecker.Read(Html);

    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => other is HtmlFragment f ? ReferenceEquals(f, this) || f.Html == Html : other.ToStringValue() == Html;

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => Html;

    public override object ToObjectValue() => Html;

    // Already HTML: never encoded again.
    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (writer is PageWriter page)
        {
            page.WriteFragment(this);
        }
        else
        {
            writer.Write(Html);
        }

        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => Html.GetHashCode(StringComparison.Ordinal);
}
