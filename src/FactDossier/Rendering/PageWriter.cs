using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid.Values;

namespace FactDossier.Rendering;

/// <summary>
/// Where a page is rendered: the template's own text (the page's "shell") with <see cref="HtmlFragment"/>s kept as
/// references, not copies. A 10,000-card home page is then a few kilobytes of shell and 10,000 pointers: it is encoded
/// and link-checked without re-reading the cards.
/// </summary>
public sealed class PageWriter : TextWriter
{
    private readonly StringBuilder _shell = new();
    private readonly List<(int Offset, HtmlFragment Fragment)> _fragments = [];
    private string? _shellText;

    public PageWriter()
        : base(CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Each fragment and the offset in the shell where it goes, in page order.</summary>
    public IReadOnlyList<(int Offset, HtmlFragment Fragment)> Fragments => _fragments;

    public override void Write(char value) => Appending().Append(value);

    public override void Write(string? value) => Appending().Append(value);

    public override void Write(char[] buffer, int index, int count) => Appending().Append(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => Appending().Append(buffer);

    // TextWriter's own async writes queue each call on the thread pool; Fluid awaits them, so they must complete here.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public void WriteFragment(HtmlFragment fragment) => _fragments.Add((_shell.Length, fragment));

    /// <summary>Another page's content (a page body inside the layout), fragments kept as references.</summary>
    public void Write(PageWriter other)
    {
        var shellStart = _shell.Length;
        Appending().Append(other._shell);
        foreach (var (offset, fragment) in other._fragments)
        {
            _fragments.Add((shellStart + offset, fragment));
        }
    }

    /// <summary>The page's text without its fragments.</summary>
    public string Shell() => _shellText ??= _shell.ToString();

    private StringBuilder Appending()
    {
        _shellText = null;
        return _shell;
    }

    /// <summary>
    /// The whole page as UTF-8, in pieces that fill <paramref name="buffer"/> (each valid until the next is asked for):
    /// a page of any size is written through one small buffer.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<byte>> Utf8Chunks(byte[] buffer)
    {
        var shell = Shell();
        var used = 0;
        var from = 0;
        for (var f = 0; ; f++)
        {
            var to = f < _fragments.Count ? _fragments[f].Offset : shell.Length;
            while (from < to)
            {
                Utf8.FromUtf16(shell.AsSpan(from, to - from), buffer.AsSpan(used), out var read, out var written);
                from += read;
                used += written;
                if (from < to)
                {
                    yield return buffer.AsMemory(0, used);
                    used = 0;
                }
            }

            if (f == _fragments.Count)
            {
                break;
            }

            var bytes = _fragments[f].Fragment.Utf8;
            for (var copied = 0; copied < bytes.Length;)
            {
                var n = Math.Min(bytes.Length - copied, buffer.Length - used);
                bytes.AsSpan(copied, n).CopyTo(buffer.AsSpan(used));
                copied += n;
                used += n;
                if (used == buffer.Length)
                {
                    yield return buffer.AsMemory(0, used);
                    used = 0;
                }
            }
        }

        if (used > 0)
        {
            yield return buffer.AsMemory(0, used);
        }
    }

    /// <summary>The whole page as text (tests, and pages rendered outside a build).</summary>
    public override string ToString()
    {
        var shell = Shell();
        var text = new StringBuilder(shell.Length + _fragments.Sum(f => f.Fragment.Length));
        var from = 0;
        foreach (var (offset, fragment) in _fragments)
        {
            text.Append(shell, from, offset - from).Append(fragment.Html);
            from = offset;
        }

        return text.Append(shell, from, shell.Length - from).ToString();
    }

    /// <summary>This page's content as a Liquid value, for the layout to place.</summary>
    public FluidValue AsValue() => new Content(this);

    internal sealed class Content(PageWriter page) : FluidValue
    {
        public override FluidValues Type => FluidValues.String;

        public override bool Equals(FluidValue other) => ReferenceEquals(other, this);

        public override bool ToBooleanValue() => true;

        public override decimal ToNumberValue() => 0;

        public override string ToStringValue() => page.ToString();

        public override object ToObjectValue() => ToStringValue();

        public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
        {
            if (writer is PageWriter outer)
            {
                outer.Write(page);
            }
            else
            {
                writer.Write(page.ToString());
            }

            return ValueTask.CompletedTask;
        }

        public override bool Equals(object? obj) => ReferenceEquals(obj, this);

        public override int GetHashCode() => page.GetHashCode();
    }
}
