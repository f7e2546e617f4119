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
        : this(Encoding.UTF8.GetBytes(html), html.Length, html.AsSpan().Count('\n'), html.Length - (html.LastIndexOf('\n') + 1), LinkChecker.Read(html, strings))
    {
    }

    // Kept as UTF-8 only: ten thousand cards stay in memory for the whole render, at half the size of their text.
    private HtmlFragment(byte[] utf8, int length, int newLines, int lastLineLength, HtmlAnchors anchors)
    {
        Utf8 = utf8;
        Length = length;
        NewLines = newLines;
        LastLineLength = lastLineLength;
        Anchors = anchors;
    }

    /// <summary>
    /// What a partial rendered into a <see cref="PageWriter"/>: its text and the fragments it includes (a card's
    /// quotes), joined without ever being one string, and with the included fragments' anchors read once, not again.
    /// </summary>
    public static HtmlFragment Of(PageWriter page, StringPool? strings = null)
    {
        var shell = page.Shell();
        var fragments = page.Fragments;
        var (length, newLines, size) = (shell.Length, shell.Count('\n'), Encoding.UTF8.GetByteCount(shell));
        foreach (var (_, fragment) in fragments)
        {
            (length, newLines, size) = (length + fragment.Length, newLines + fragment.NewLines, size + fragment.Utf8.Length);
        }

        // Fragments sit between two writes, never inside a surrogate pair: the shell encodes piece by piece.
        var utf8 = new byte[size];
        var (written, from) = (0, 0);
        foreach (var (offset, fragment) in fragments)
        {
            written += Encoding.UTF8.GetBytes(shell[from..offset], utf8.AsSpan(written));
            fragment.Utf8.CopyTo(utf8, written);
            written += fragment.Utf8.Length;
            from = offset;
        }

        Encoding.UTF8.GetBytes(shell[from..], utf8.AsSpan(written));
        return new HtmlFragment(utf8, length, newLines, LastLineLengthOf(shell, fragments), LinkChecker.Read(page, strings));
    }

    // Back from the end: the shell after the last fragment, then that fragment, and so on, to the last line break.
    private static int LastLineLengthOf(ReadOnlySpan<char> shell, IReadOnlyList<(int Offset, HtmlFragment Fragment)> fragments)
    {
        var (width, end) = (0, shell.Length);
        for (var i = fragments.Count; ; i--)
        {
            var start = i == 0 ? 0 : fragments[i - 1].Offset;
            var lineBreak = shell[start..end].LastIndexOf('\n');
            if (lineBreak >= 0)
            {
                return width + end - start - lineBreak - 1;
            }

            width += end - start;
            if (i == 0)
            {
                return width;
            }

            var fragment = fragments[i - 1].Fragment;
            if (fragment.NewLines > 0)
            {
                return width + fragment.LastLineLength;
            }

            width += fragment.Length;
            end = start;
        }
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
