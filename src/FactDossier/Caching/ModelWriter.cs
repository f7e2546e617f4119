using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Caching;

/// <summary>
/// The binary form of what the Load stage makes of a claim, person or source file, and of diagnostics, for the
/// caches under <c>.cache/factdossier/</c>. <see cref="ModelReader"/> reads it back in the same order.
/// </summary>
internal sealed class ModelWriter(Stream stream) : IDisposable
{
    private readonly BinaryWriter _writer = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    public void Int(int value) => _writer.Write7BitEncodedInt(value);

    public void Long(long value) => _writer.Write(value);

    public void Bool(bool value) => _writer.Write(value);

    public void Hash(UInt128 value)
    {
        _writer.Write((ulong)(value >> 64));
        _writer.Write((ulong)value);
    }

    public void Text(string value) => _writer.Write(value);

    public void OptionalText(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    /// <summary>Paths, ids and keys repeat by thousands: each distinct one is written once, then by number.</summary>
    public void Name(string value)
    {
        if (_names.TryGetValue(value, out var index))
        {
            Int(index + 1);
            return;
        }

        _names[value] = _names.Count;
        Int(0);
        _writer.Write(value);
    }

    public void All<T>(IEnumerable<T> items, Action<T> write)
    {
        var list = items as IReadOnlyCollection<T> ?? [.. items];
        Int(list.Count);
        foreach (var item in list)
        {
            write(item);
        }
    }

    public void Span(SourceSpan span)
    {
        Name(span.Path);
        Int(span.Line);
        Int(span.Column);
    }

    public void Diagnostic(Diagnostic diagnostic)
    {
        Name(diagnostic.Code.Id);
        Int((int)diagnostic.Severity);
        Span(diagnostic.Span);
        Text(diagnostic.Message);
        OptionalText(diagnostic.Hint);
    }

    public void Claim(Claim claim)
    {
        Name(claim.Id);
        Name(claim.Path);
        Located(claim.Article);
        Text(claim.Headline);
        Statement(claim.Statement);
        All(claim.CounterStatements, CounterStatement);
        Located(claim.Verdict.Rating);
        Text(claim.Verdict.Summary);
        OptionalText(claim.Verdict.Explanation);
        All(claim.Sources, Located);
        All(claim.Tags, Name);
        All(claim.Corrections, c =>
        {
            Date(c.Date);
            Text(c.What);
        });
        Bool(claim.IsDraft);
        Span(claim.Span);
        Optional(claim.PublishedOn, Located);
    }

    public void Person(Person person)
    {
        Name(person.Id);
        Text(person.Name);
        OptionalText(person.NameInArticle);
        Int((int)person.Kind);
        OptionalText(person.Role);
        OptionalText(person.Organisation);
        OptionalText(person.Wikidata);
        OptionalText(person.Note);
        Span(person.Span);
    }

    public void Source(Source source)
    {
        Name(source.Id);
        Text(source.Publisher);
        Text(source.Title);
        Optional(source.Date, Date);
        Optional(source.Url, Uri);
        Optional(source.ArchiveUrl, Uri);
        OptionalText(source.Language);
        OptionalText(source.Note);
        Span(source.Span);
    }

    private void Statement(Statement statement)
    {
        Optional(statement.Speaker, Located);
        Quote(statement.Quote);
        OptionalText(statement.Translation);
        Optional(statement.SaidOn, Located);
        OptionalText(statement.Venue);
        Optional(statement.Source, Located);
        OptionalText(statement.Context);
    }

    private void CounterStatement(CounterStatement counter)
    {
        Int(counter.Index);
        Optional(counter.Speaker, Located);
        Optional(counter.Quote, Quote);
        OptionalText(counter.Text);
        Int((int)counter.Relation);
        OptionalText(counter.Translation);
        Optional(counter.SaidOn, Located);
        OptionalText(counter.Venue);
        Optional(counter.Source, Located);
        Optional(counter.Paragraph, p =>
        {
            Int(p.Value);
            Span(p.Span);
        });
    }

    private void Quote(QuoteSelector quote)
    {
        Text(quote.Exact.Value);
        Span(quote.Exact.Span);
        OptionalText(quote.Prefix);
        OptionalText(quote.Suffix);
        Optional(quote.Occurrence, Int);
    }

    private void Located(Located<string> located)
    {
        Name(located.Value);
        Span(located.Span);
    }

    private void Located(Located<DateOnly> located)
    {
        Date(located.Value);
        Span(located.Span);
    }

    private void Date(DateOnly date) => Int(date.DayNumber);

    private void Uri(Uri uri) => Text(uri.OriginalString);

    private void Optional<T>(T? value, Action<T> write)
        where T : class
    {
        Bool(value is not null);
        if (value is not null)
        {
            write(value);
        }
    }

    private void Optional<T>(T? value, Action<T> write)
        where T : struct
    {
        Bool(value.HasValue);
        if (value is { } v)
        {
            write(v);
        }
    }

    public void Dispose() => _writer.Dispose();
}
