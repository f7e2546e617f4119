using System.Buffers.Binary;
using System.Text;
using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Caching;

/// <summary>
/// Reads what <see cref="ModelWriter"/> wrote, in the same order, straight from the bytes (a cache file is read whole:
/// its checksum is checked first); bytes that do not follow the form throw <see cref="FormatException"/>.
/// </summary>
internal sealed class ModelReader(ArraySegment<byte> bytes)
{
    private static readonly Dictionary<string, DiagnosticCode> Codes = DiagnosticCode.All.ToDictionary(c => c.Id, StringComparer.Ordinal);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<string> _names = [];
    private int _at;

    /// <summary>Whether every byte was read.</summary>
    public bool AtEnd => _at == bytes.Count;

    public int Int()
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("a number too long");
    }

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public bool Bool() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        _ => throw new FormatException("not a yes or no"),
    };

    public UInt128 Hash()
    {
        var high = BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
        return new UInt128(high, BinaryPrimitives.ReadUInt64LittleEndian(Take(8)));
    }

    public string Text()
    {
        var length = Int();
        try
        {
            return Utf8.GetString(Take(length));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("text that is not UTF-8", e);
        }
    }

    public string? OptionalText() => Bool() ? Text() : null;

    public string Name()
    {
        var index = Int();
        if (index == 0)
        {
            var value = Text();
            _names.Add(value);
            return value;
        }

        return index <= _names.Count ? _names[index - 1] : throw new FormatException("a name that was never written");
    }

    public List<T> All<T>(Func<T> read)
    {
        var count = Int();
        var items = new List<T>(Math.Min(count, 1 << 16));
        for (var i = 0; i < count; i++)
        {
            items.Add(read());
        }

        return items;
    }

    public SourceSpan Span() => new(Name(), Int(), Int());

    public Diagnostic Diagnostic()
    {
        var code = Codes.GetValueOrDefault(Name()) ?? throw new FormatException("a diagnostic code this build does not know");
        var severity = (Severity)Int();
        return new Diagnostic(code, Span(), Text(), OptionalText()) { Severity = severity };
    }

    public Claim Claim()
    {
        var id = Name();
        var path = Name();
        var article = LocatedName();
        var headline = Text();
        var statement = Statement();
        var counters = All(CounterStatement);
        var verdict = new Verdict(LocatedName(), Text(), OptionalText());
        var sources = All(LocatedName);
        var tags = All(Name);
        var corrections = All(() => new Correction(Date(), Text()));
        var isDraft = Bool();
        var span = Span();
        return new Claim(id, path, article, headline, statement, [.. counters], verdict, [.. sources], [.. tags], [.. corrections], isDraft, span)
        {
            PublishedOn = Bool() ? LocatedDate() : null,
        };
    }

    public Person Person() =>
        new(Name(), Text(), OptionalText(), (PersonKind)Int(), OptionalText(), OptionalText(), OptionalText(), OptionalText(), Span());

    public Source Source() =>
        new(Name(), Text(), Text(), Bool() ? Date() : null, Bool() ? Uri() : null, Bool() ? Uri() : null, OptionalText(), OptionalText(), Span());

    private Statement Statement() =>
        new(Bool() ? LocatedName() : null, Quote(), OptionalText(), Bool() ? LocatedDate() : null, OptionalText(), Bool() ? LocatedName() : null,
            OptionalText());

    private CounterStatement CounterStatement() =>
        new(Int(), Bool() ? LocatedName() : null, Bool() ? Quote() : null, OptionalText(), (Relation)Int(), OptionalText(),
            Bool() ? LocatedDate() : null, OptionalText(), Bool() ? LocatedName() : null, Bool() ? new Located<int>(Int(), Span()) : null);

    private QuoteSelector Quote() => new(new Located<string>(Text(), Span()), OptionalText(), OptionalText(), Bool() ? Int() : null);

    private Located<string> LocatedName() => new(Name(), Span());

    private Located<DateOnly> LocatedDate() => new(Date(), Span());

    private DateOnly Date() => DateOnly.FromDayNumber(Int());

    private Uri Uri() => new(Text(), UriKind.Absolute);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > bytes.Count - _at)
        {
            throw new FormatException("the bytes end too soon");
        }

        var taken = bytes.AsSpan(_at, count);
        _at += count;
        return taken;
    }
}
