using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Caching;

/// <summary>Reads what <see cref="ModelWriter"/> wrote, in the same order; a file that does not follow it throws <see cref="FormatException"/>.</summary>
internal sealed class ModelReader(Stream stream) : IDisposable
{
    private static readonly Dictionary<string, DiagnosticCode> Codes = DiagnosticCode.All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    private readonly BinaryReader _reader = new(stream, System.Text.Encoding.UTF8);
    private readonly List<string> _names = [];

    public int Int() => _reader.Read7BitEncodedInt();

    public long Long() => _reader.ReadInt64();

    public bool Bool() => _reader.ReadBoolean();

    public UInt128 Hash() => new(_reader.ReadUInt64(), _reader.ReadUInt64());

    public string Text() => _reader.ReadString();

    public string? OptionalText() => _reader.ReadBoolean() ? _reader.ReadString() : null;

    public string Name()
    {
        var index = Int();
        if (index == 0)
        {
            var value = _reader.ReadString();
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

    public void Dispose() => _reader.Dispose();
}
