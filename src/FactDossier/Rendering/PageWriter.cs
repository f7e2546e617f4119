using System.Buffers;
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
    // Pages up to this size write into pooled buffers; the few larger lists get their own (the pool would keep them).
    private const int MaxPooledLength = 1 << 20;

    private readonly List<(int Offset, HtmlFragment Fragment)> _fragments = [];
    private char[] _shell = ArrayPool<char>.Shared.Rent(8192);
    private int _length;

    public PageWriter()
        : base(CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Each fragment and the offset in the shell where it goes, in page order.</summary>
    public IReadOnlyList<(int Offset, HtmlFragment Fragment)> Fragments => _fragments;

    public override void Write(char value)
    {
        Reserve(1);
        _shell[_length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        buffer.CopyTo(_shell.AsSpan(_length));
        _length += buffer.Length;
    }

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

    public void WriteFragment(HtmlFragment fragment) => _fragments.Add((_length, fragment));

    /// <summary>Another page's content (a page body inside the layout), fragments kept as references.</summary>
    public void Write(PageWriter other)
    {
        var shellStart = _length;
        Write(other.Shell());
        foreach (var (offset, fragment) in other._fragments)
        {
            _fragments.Add((shellStart + offset, fragment));
        }
    }

    /// <summary>The page's text without its fragments: valid until the writer is disposed.</summary>
    public ReadOnlySpan<char> Shell() => _shell.AsSpan(0, _length);

    private void Reserve(int count)
    {
        if (_length + count <= _shell.Length)
        {
            return;
        }

        var size = Math.Max(_length + count, _shell.Length * 2);
        var larger = size <= MaxPooledLength ? ArrayPool<char>.Shared.Rent(size) : GC.AllocateUninitializedArray<char>(size);
        _shell.AsSpan(0, _length).CopyTo(larger);
        Release();
        _shell = larger;
    }

    private void Release()
    {
        if (_shell.Length <= MaxPooledLength && _shell.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_shell);
        }

        _shell = [];
    }

    /// <summary>Gives the buffer back: the page has been checked and written.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            _length = 0;
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The whole page as UTF-8, in pieces that fill <paramref name="buffer"/> (each valid until the next is asked for):
    /// a page of any size is written through one small buffer.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<byte>> Utf8Chunks(byte[] buffer)
    {
        var shell = _shell;
        var shellLength = _length;
        var used = 0;
        var from = 0;
        for (var f = 0; ; f++)
        {
            var to = f < _fragments.Count ? _fragments[f].Offset : shellLength;
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
            text.Append(shell[from..offset]).Append(fragment.Html);
            from = offset;
        }

        return text.Append(shell[from..]).ToString();
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
