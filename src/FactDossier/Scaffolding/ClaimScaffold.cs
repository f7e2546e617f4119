using System.Text;
using System.Text.Json;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Editing;
using FactDossier.Loading;
using FactDossier.Loading.Yaml;
using FactDossier.Model;
using FactDossier.Text;

namespace FactDossier.Scaffolding;

/// <summary>The file <c>new claim</c> writes: where it goes and what it says, or why it cannot be written.</summary>
public sealed record ScaffoldedClaim(string Id, string RelativePath, string Content);

/// <summary>
/// Builds a new claim file from a quote, after checking that the quote anchors in the article with the same rules
/// and hints as the build. Every field the editor must still fill in says TODO, which the build reports as a warning;
/// the statement's other optional fields are offered as comments, described by the claim schema.
/// </summary>
public static class ClaimScaffold
{
    private const int IdWords = 6;

    /// <summary>
    /// The statement's fields the scaffold writes, or settles by anchoring the quote in the article (no prefix, suffix,
    /// occurrence or source is needed then; a translation is written when the languages differ, and only then needed).
    /// </summary>
    private static readonly HashSet<string> Settled = new(StringComparer.Ordinal)
    {
        "speaker", "quote", "prefix", "suffix", "occurrence", "source", "translation", "said_on", "venue",
    };

    public static (ScaffoldedClaim? Claim, IReadOnlyList<Diagnostic> Diagnostics) Create(Dossier dossier, NewClaimRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var article = dossier.Articles.FirstOrDefault(a => a.Id == request.Article);
        if (article is null)
        {
            diagnostics.Add(Unknown(DiagnosticCode.UnknownArticle, "--article", request.Article, "article", dossier.Articles.Select(a => a.Id)));
        }

        if (request.Speaker is not null && dossier.People.All(p => p.Id != request.Speaker))
        {
            diagnostics.Add(Unknown(DiagnosticCode.UnknownPerson, "--speaker", request.Speaker, "person", dossier.People.Select(p => p.Id)));
        }

        var existing = dossier.Claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (request.Id is not null && !Slug.IsValid(request.Id))
        {
            diagnostics.Add(DiagnosticCode.InvalidId, Argument("--id"), $"'{request.Id}' is not a valid id: use lowercase letters, digits and single dashes",
                Slug.From(request.Id) is { Length: > 0 } slug ? $"use '--id {slug}'" : null);
        }
        else if (request.Id is not null && existing.Contains(request.Id))
        {
            diagnostics.Add(DiagnosticCode.DuplicateId, Argument("--id"), $"a claim with the id '{request.Id}' already exists; it is not overwritten",
                "choose another id, or edit the existing file");
        }

        QuoteMatch.Found? found = null;
        if (article is not null)
        {
            var quote = new QuoteSelector(new Located<string>(request.Quote, Argument("--quote")), null, null, request.Occurrence);
            using var finder = new QuoteFinder(article.Text.Raw);
            found = QuoteAnchorer.Locate(quote, article, finder, fromDefaultArticle: true, out var problem);
            if (problem is not null)
            {
                diagnostics.Add(problem);
            }
        }

        if (diagnostics.HasErrors || article is null || found is null)
        {
            return (null, diagnostics.ToSortedList());
        }

        var words = article.Text.Raw[found.Start..found.End];
        var id = request.Id ?? FreeId(Stem(words), existing);
        var content = Render(dossier, article, words, request.Speaker, request.Occurrence);
        return (new ScaffoldedClaim(id, $"input/claims/{id}.yml", content), diagnostics.ToSortedList());
    }

    private static SourceSpan Argument(string option) => new(option, 1, 1);

    private static Diagnostic Unknown(DiagnosticCode code, string option, string value, string kind, IEnumerable<string> known)
    {
        var guess = EditDistance.Closest(value, known);
        return new Diagnostic(code, Argument(option), $"no {kind} has the id '{value}'" + (guess is null ? "" : $"; did you mean '{guess}'?"),
            "known: " + string.Join(", ", known.Order(StringComparer.Ordinal)));
    }

    /// <summary>The quote's first words as a slug, without a dangling elision ("…-propose-d" from "proposé d'adopter").</summary>
    private static string Stem(string words)
    {
        var parts = Slug.From(words, IdWords).Split('-').ToList();
        while (parts.Count > 1 && parts[^1].Length == 1)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return string.Join('-', parts);
    }

    private static string FreeId(string stem, HashSet<string> existing)
    {
        var id = stem.Length == 0 ? "claim" : stem;
        for (var n = 2; existing.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    private static string Render(Dossier dossier, Article article, string words, string? speaker, int? occurrence)
    {
        var ratings = string.Join(", ", dossier.Site.RatingScale.Ratings.Select(r => r.Key));
        var needsTranslation = article.Language != dossier.Site.Language;
        var yaml = new StringBuilder()
            .Append("# yaml-language-server: $schema=../../schema/claim.schema.json\n")
            .Append("# Replace every TODO, then run: dotnet run --project src/FactDossier -- check\n")
            .Append("article: ").Append(article.Id).Append('\n')
            .Append("headline: \"TODO: the claim in one line, under 75 characters, with no verdict in it\"\n")
            .Append("published_on: TODO # YYYY-MM-DD: the day this fact-check is published\n")
            .Append("statement:\n")
            .Append("  speaker: ").Append(speaker ?? "TODO").Append('\n')
            .Append("  quote: ").Append(YamlText.Quote(words)).Append('\n');
        if (occurrence is { } n)
        {
            yaml.Append("  occurrence: ").Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        if (needsTranslation)
        {
            yaml.Append("  translation: \"TODO: the quote in the site's language\"\n");
        }

        return yaml
            .Append("  said_on: TODO # YYYY-MM-DD: when it was said, not when it was reported\n")
            .Append("  venue: \"TODO: where it was said\"\n")
            .AppendJoin("", Offers(EditorSchemas.Of("claim")))
            .Append("counter_statements:\n")
            .Append("  - text: \"TODO: what contradicts, qualifies or supports the statement; or give speaker and quote\"\n")
            .Append("    relation: contradicts # contradicts | qualifies | supports\n")
            .Append("verdict:\n")
            .Append("  rating: TODO # ").Append(ratings).Append('\n')
            .Append("  summary: \"TODO: the verdict in one or two sentences\"\n")
            .Append("  explanation: |\n")
            .Append("    TODO: why, in Markdown, citing the sources.\n")
            .Append("sources: []\n")
            .Append("tags: []\n")
            .ToString();
    }

    /// <summary>
    /// A commented line for each optional property of the schema's statement that the scaffold does not settle, in the
    /// schema's order, with the first sentence of its description: a field added to the schema is offered as it is.
    /// </summary>
    internal static IEnumerable<string> Offers(JsonElement claimSchema)
    {
        var statement = claimSchema.GetProperty("properties").GetProperty("statement");
        var required = statement.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet() : [];
        return statement.GetProperty("properties").EnumerateObject()
            .Where(p => !required.Contains(p.Name) && !Settled.Contains(p.Name))
            .Select(p => $"  # {p.Name}: (optional) {FirstSentence(p.Value)}".TrimEnd() + "\n");
    }

    /// <summary>A description's first sentence, without its final stop and its leading "Optional: " (the line says so).</summary>
    private static string FirstSentence(JsonElement property)
    {
        var description = property.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        var sentence = description.ReplaceLineEndings(" ").Split(". ", 2)[0].TrimEnd('.');
        return sentence.StartsWith("Optional: ", StringComparison.Ordinal) ? sentence["Optional: ".Length..] : sentence;
    }
}
