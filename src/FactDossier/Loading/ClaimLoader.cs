using System.Collections.Immutable;
using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

public static class ClaimLoader
{
    public static readonly string[] Fields =
        ["id", "article", "headline", "published_on", "statement", "counter_statements", "verdict", "sources", "tags", "corrections"];

    public static readonly string[] StatementFields =
        ["speaker", "quote", "prefix", "suffix", "occurrence", "first_appearance", "translation", "said_on", "venue", "source", "context"];

    public static readonly string[] CounterStatementFields =
        ["speaker", "quote", "prefix", "suffix", "occurrence", "first_appearance", "text", "relation", "translation", "said_on", "venue", "source", "paragraph"];

    /// <summary>Fact-check search features show claimReviewed in full only under 75 characters.</summary>
    public const int MaxHeadline = 74;

    public static readonly string[] VerdictFields = ["rating", "summary", "explanation"];
    public static readonly string[] CorrectionFields = ["date", "what"];

    public static Claim? Read(YamlValue? root, string path, DiagnosticBag diagnostics)
    {
        var f = FieldReader.ForValue(root, "a claim", Fields, diagnostics);
        if (f is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, SourceSpan.StartOf(path), "the claim file is empty", "run 'new claim' to start from a template");
            return null;
        }

        var id = FileId.Resolve(path, f.Id("id"), f.Span, diagnostics);
        var article = f.Id("article", required: true);
        var headline = f.ShortText("headline", MaxHeadline, "fact-check search results show a claim (ClaimReview's claimReviewed) in full only under 75 characters", required: true)?.Value;
        var publishedOn = f.LocatedDate("published_on", required: true);
        var statement = ReadStatement(f, diagnostics);
        var counters = ReadCounterStatements(f, diagnostics);
        var verdict = ReadVerdict(f, diagnostics);
        var sources = f.IdList("sources");
        var tags = f.IdList("tags").Select(t => t.Value).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var corrections = ReadCorrections(f, diagnostics);

        return id is null || article is null || headline is null || statement is null || verdict is null
            ? null
            : new Claim(id, path, article, headline, statement, counters, verdict, sources, tags, corrections, Placeholder.Find(root).Any(), f.Span)
            {
                PublishedOn = publishedOn,
            };
    }

    private static Statement? ReadStatement(FieldReader claim, DiagnosticBag diagnostics)
    {
        var value = claim.Value("statement");
        if (value is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, claim.Span, "the claim has no 'statement'",
                "add 'statement:' with 'speaker:', 'quote:' and 'said_on:'");
            return null;
        }

        var f = FieldReader.ForValue(value, "'statement'", StatementFields, diagnostics);
        if (f is null)
        {
            return null;
        }

        var speaker = f.Id("speaker", required: true);
        var quote = ReadQuote(f, required: true, diagnostics);
        var statement = new Statement(speaker, quote!, f.TextValue("translation"), f.LocatedDate("said_on"), f.TextValue("venue"),
            f.Id("source"), f.TextValue("context"));
        return quote is null ? null : statement;
    }

    /// <summary>A quote with what may place it (prefix, suffix, occurrence): a claim's, or a passage an article leaves unchecked.</summary>
    internal static QuoteSelector? ReadQuote(FieldReader f, bool required, DiagnosticBag diagnostics)
    {
        var exact = f.Text("quote", required);
        var prefix = f.TextValue("prefix");
        var suffix = f.TextValue("suffix");
        var occurrence = f.Number("occurrence");
        var firstAppearance = f.Url("first_appearance")?.AbsoluteUri;
        if (exact is null && firstAppearance is not null)
        {
            diagnostics.Add(DiagnosticCode.UnknownField, f.SpanOf("first_appearance"), "'first_appearance' is where quoted words first appeared, and there is no 'quote' here",
                "give the speaker's exact words as 'quote:', or remove 'first_appearance'");
        }

        return exact is null ? null : new QuoteSelector(exact, prefix, suffix, occurrence) { FirstAppearance = firstAppearance };
    }

    private static ImmutableArray<CounterStatement> ReadCounterStatements(FieldReader claim, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<CounterStatement>();
        var index = 0;
        foreach (var item in claim.BlockList("counter_statements", "a counter-statement"))
        {
            index++;
            var f = new FieldReader(item, "a counter-statement", CounterStatementFields, diagnostics);
            var speaker = f.Id("speaker");
            var quote = ReadQuote(f, required: false, diagnostics);
            var text = f.TextValue("text");
            var relation = f.Choice("relation", Relations.Keys, required: true);
            var paragraph = f.LocatedNumber("paragraph");
            if ((quote is null) == (text is null))
            {
                diagnostics.Add(DiagnosticCode.QuoteOrText, f.Span,
                    quote is null ? "this counter-statement has neither 'quote' nor 'text'" : "this counter-statement has both 'quote' and 'text'",
                    "use 'quote:' for someone's exact words, 'text:' for a fact told in your own words");
                continue;
            }

            if (quote is not null && speaker is null)
            {
                diagnostics.Add(DiagnosticCode.MissingField, f.Span, "a quoted counter-statement has no 'speaker'", "add 'speaker: <person id>'");
                continue;
            }

            if (relation is null)
            {
                continue;
            }

            result.Add(new CounterStatement(index, speaker, quote, text, Relations.Parse(relation.Value), f.TextValue("translation"),
                f.LocatedDate("said_on"), f.TextValue("venue"), f.Id("source"), paragraph));
        }

        return result.ToImmutable();
    }

    private static Verdict? ReadVerdict(FieldReader claim, DiagnosticBag diagnostics)
    {
        var value = claim.Value("verdict");
        if (value is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, claim.Span, "the claim has no 'verdict'",
                "add 'verdict:' with 'rating:' (a key of the rating scale) and 'summary:'");
            return null;
        }

        var f = FieldReader.ForValue(value, "'verdict'", VerdictFields, diagnostics);
        var rating = f?.Id("rating", required: true);
        var summary = f?.TextValue("summary", required: true);
        var explanation = f?.TextValue("explanation");
        return rating is null || summary is null ? null : new Verdict(rating, summary, explanation);
    }

    private static ImmutableArray<Correction> ReadCorrections(FieldReader claim, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<Correction>();
        foreach (var item in claim.BlockList("corrections", "a correction"))
        {
            var f = new FieldReader(item, "a correction", CorrectionFields, diagnostics);
            var date = f.Date("date", required: true);
            var what = f.TextValue("what", required: true);
            if (date is not null && what is not null)
            {
                result.Add(new Correction(date.Value, what));
            }
        }

        return [.. result.OrderBy(c => c.Date)];
    }
}
