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
    public HtmlFragment(string html, StringPool? strings = null)
    {
        // Kept as UTF-8 only: ten thousand cards stay in memory for the whole render, at half the size of their text.
        Utf8 = Encoding.UTF8.GetBytes(html);
        Length = html.Length;
        NewLines = html.AsSpan().Count('\n');
        LastLineLength = html.Length - (html.LastIndexOf('\n') + 1);
        Anchors = LinkChecker.Read(html, strings);
    }

    /// <summary>The HTML as text, decoded again (tests and Liquid filters; pages take <see cref="Utf8"/>).</summary>
    public string Html => Encoding.UTF8.GetString(Utf8);

    public byte[] Utf8 { get; }

    /// <summary>Its length in characters.</summary>
    public int Length { get; }

    public int NewLines { get; }

    /// <summary>Characters after the last line break: where the page's next character sits on its line.</summary>
    public int LastLineLength { get; }

    /// <summary>Its ids and links, read once.</summary>
    public HtmlAnchors Anchors { get; }

    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => other is HtmlFragment f ? ReferenceEquals(f, this) || f.Utf8.AsSpan().SequenceEqual(Utf8) : other.ToStringValue() == Html;

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

    public override int GetHashCode() => Length;
}
