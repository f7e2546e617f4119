using System.Globalization;
using System.Text;

namespace FactDossier.Bench;

/// <summary>
/// A deterministic dossier of N claims with a realistic shape, written both as a FactDossier project and as the
/// equivalent Hugo site: a statement and three counter-statements per claim, each quoted from generated articles
/// (one per 100 claims, so the text grows with N and anchoring does real work), ~300 words of Markdown with two links
/// and a blockquote, two sources, two of twenty tags, speakers among two hundred people.
/// </summary>
public sealed class SyntheticDossier(int claims, int seed = 20220331)
{
    private const int ClaimsPerArticle = 100;
    private const int People = 200;
    private const int Tags = 20;
    private static readonly string[] Ratings = ["accurate", "needs-context", "misleading", "contradicted", "inaccurate", "not-checkable"];
    private static readonly string[] Relations = ["contradicts", "qualifies", "supports"];
    private static readonly string[] Words =
        ["la", "russie", "forces", "retrait", "kiev", "négociations", "garanties", "sécurité", "offensive", "troupes", "ministre", "déclaré",
         "accord", "cessez-le-feu", "neutralité", "frontière", "région", "pression", "armée", "pourparlers", "délégation", "soutien",
         "ukraine", "otan", "moscou", "semaines", "volonté", "politique", "actes", "paroles", "territoire", "bases", "alliance"];

    private readonly Random _random = new(seed);

    public int Claims { get; } = claims;

    private int Articles => (Claims + ClaimsPerArticle - 1) / ClaimsPerArticle;

    private int Sources => Math.Max(50, Claims / 5);

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Id(string prefix, int i, int width = 6) => prefix + i.ToString("D" + width, CultureInfo.InvariantCulture);

    /// <summary>A quotable sentence, unique thanks to its index word.</summary>
    private string Sentence(int index)
    {
        var sb = new StringBuilder();
        var count = _random.Next(8, 16);
        for (var w = 0; w < count; w++)
        {
            sb.Append(Words[_random.Next(Words.Length)]).Append(' ');
            if (w == count / 2)
            {
                sb.Append("réf").Append(index.ToString("x", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }

    private string Paragraphs(int words)
    {
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            sb.Append(w % 60 == 59 ? "\n\n" : w > 0 ? " " : "").Append(Words[_random.Next(Words.Length)]);
        }

        return sb.ToString();
    }

    public void Write(string folder)
    {
        var quotes = Quotes();
        WriteFactDossier(Path.Combine(folder, "factdossier"), quotes);
        WriteHugo(Path.Combine(folder, "hugo"), quotes);
    }

    /// <summary>The FactDossier project alone (input/ and seeds/ under <paramref name="root"/>), as the tests build it.</summary>
    public void WriteProject(string root) => WriteFactDossier(root, Quotes());

    private string[] Quotes()
    {
        var quotes = new string[Claims * 4];
        for (var i = 0; i < quotes.Length; i++)
        {
            quotes[i] = Sentence(i);
        }

        return quotes;
    }

    private (string Article, string Speaker, string[] Tags, string Rating, string[] Sources, string Explanation, string Date) Shape(int c)
    {
        var r = new Random(seed + c);
        var tag1 = r.Next(Tags);
        var tag2 = (tag1 + 1 + r.Next(Tags - 1)) % Tags;
        var explanation = new StringBuilder()
            .Append(ParagraphsWith(r, 120)).Append(" See [the transcript](https://example.org/transcripts/").Append(N(c)).Append(") and [the report](https://example.org/reports/").Append(N(c % 97)).Append(").\n\n")
            .Append("> ").Append(ParagraphsWith(r, 40)).Append("\n\n")
            .Append(ParagraphsWith(r, 140)).Append('\n')
            .ToString();
        return (Id("a", c / ClaimsPerArticle, 4), Id("p", r.Next(People), 3), [Id("tag-", tag1, 2), Id("tag-", tag2, 2)], Ratings[r.Next(Ratings.Length)],
            [Id("s", r.Next(Sources)), Id("s", r.Next(Sources))], explanation, new DateOnly(2022, 3, 1).AddDays(r.Next(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string ParagraphsWith(Random r, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[r.Next(Words.Length)]));

    private void WriteFactDossier(string root, string[] quotes)
    {
        var input = Path.Combine(root, "input");
        foreach (var folder in new[] { "articles", "people", "sources", "claims", "pages" })
        {
            Directory.CreateDirectory(Path.Combine(input, folder));
        }

        Directory.CreateDirectory(Path.Combine(root, "seeds"));
        File.WriteAllText(Path.Combine(input, "site.yml"), $"""
            title: Synthetic dossier of {N(Claims)} claims
            language: en
            publisher:
              name: FactDossier benchmark
            rating_scale:
              - {"{"} key: accurate, label: Accurate, value: 6, description: Borne out by the record. {"}"}
              - {"{"} key: needs-context, label: Needs context, value: 5, description: Leaves out something needed. {"}"}
              - {"{"} key: misleading, label: Misleading, value: 4, description: Gives a wrong impression. {"}"}
              - {"{"} key: contradicted, label: Contradicted, value: 3, description: Contradicted at the time. {"}"}
              - {"{"} key: inaccurate, label: Inaccurate, value: 2, description: Wrong on a checkable point. {"}"}
              - {"{"} key: not-checkable, label: Not checkable, value: 1, description: An opinion or a forecast. {"}"}

            """);
        for (var a = 0; a < Articles; a++)
        {
            var text = new StringBuilder();
            for (var q = a * ClaimsPerArticle * 4; q < Math.Min(quotes.Length, (a + 1) * ClaimsPerArticle * 4); q++)
            {
                text.Append(Paragraphs(_random.Next(5, 15))).Append(", « ").Append(quotes[q]).Append(" », a-t-il dit.\n\n");
            }

            File.WriteAllText(Path.Combine(root, "seeds", Id("a", a, 4) + ".txt"), text.ToString());
            File.WriteAllText(Path.Combine(input, "articles", Id("a", a, 4) + ".yml"),
                $"title: Generated article {N(a)}\nlanguage: fr\ndate: 2022-03-31\nseed: seeds/{Id("a", a, 4)}.txt\n");
        }

        for (var p = 0; p < People; p++)
        {
            File.WriteAllText(Path.Combine(input, "people", Id("p", p, 3) + ".yml"), $"name: Person {N(p)}\nrole: Spokesperson {N(p % 17)}\n");
        }

        for (var s = 0; s < Sources; s++)
        {
            File.WriteAllText(Path.Combine(input, "sources", Id("s", s) + ".yml"),
                $"publisher: Publisher {N(s % 40)}\ntitle: Report number {N(s)}\ndate: 2022-03-{1 + (s % 28):00}\nurl: https://example.org/sources/{N(s)}\n");
        }

        for (var c = 0; c < Claims; c++)
        {
            var shape = Shape(c);
            var counters = string.Concat(Enumerable.Range(1, 3).Select(k => $"""
                  - speaker: {Id("p", (c * 7 + k) % People, 3)}
                    quote: "{quotes[c * 4 + k]}"
                    relation: {Relations[(c + k) % 3]}
                    said_on: {shape.Date}

                """));
            File.WriteAllText(Path.Combine(input, "claims", Id("c", c) + ".yml"), $"""
                article: {shape.Article}
                headline: Claim {N(c)} about the negotiations
                published_on: 2022-04-15
                statement:
                  speaker: {shape.Speaker}
                  quote: "{quotes[c * 4]}"
                  translation: An English rendering of claim {N(c)}
                  said_on: {shape.Date}
                  venue: Press conference
                counter_statements:
                {counters}verdict:
                  rating: {shape.Rating}
                  summary: The verdict on claim {N(c)} in one sentence.
                  explanation: |
                {Indent(shape.Explanation, "    ")}sources: [{string.Join(", ", shape.Sources)}]
                tags: [{string.Join(", ", shape.Tags)}]

                """);
        }
    }

    private static string Indent(string text, string indent) =>
        string.Concat(text.Split('\n').Select(l => l.Length == 0 ? "\n" : indent + l + "\n")).TrimEnd('\n') + "\n";

    /// <summary>The same content for Hugo: one page per claim with the same fields and body, one page per tag, a home list.</summary>
    private void WriteHugo(string root, string[] quotes)
    {
        var content = Path.Combine(root, "content", "claims");
        var layouts = Path.Combine(root, "layouts");
        Directory.CreateDirectory(content);
        Directory.CreateDirectory(Path.Combine(layouts, "_default"));
        File.WriteAllText(Path.Combine(root, "config.toml"), """
            baseURL = "http://127.0.0.1/"
            languageCode = "en"
            title = "Synthetic dossier"
            enableRobotsTXT = true
            [outputs]
              home = ["HTML", "RSS"]
              section = ["HTML"]
              taxonomy = ["HTML"]
              term = ["HTML"]
            [taxonomies]
              tag = "tags"
            [markup.goldmark.renderer]
              unsafe = false

            """);
        File.WriteAllText(Path.Combine(layouts, "_default", "baseof.html"), """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
            <body><nav><a href="/">Claims</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>

            """);
        File.WriteAllText(Path.Combine(layouts, "_default", "single.html"), """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>
            <p class="verdict">{{ .Params.rating }}</p>
            <blockquote lang="fr">{{ .Params.quote }}</blockquote><p>{{ .Params.speaker }}, {{ .Params.said_on }}</p>
            {{ range .Params.counters }}<div class="counter"><p>{{ .relation }}</p><blockquote lang="fr">{{ .quote }}</blockquote><p>{{ .speaker }}</p></div>{{ end }}
            <section>{{ .Content }}</section>
            <ol>{{ range .Params.sources }}<li>{{ . }}</li>{{ end }}</ol>
            <p>{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a> {{ end }}</p></article>{{ end }}

            """);
        File.WriteAllText(Path.Combine(layouts, "_default", "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.rating }} <blockquote lang="fr">{{ .Params.quote }}</blockquote></li>{{ end }}</ul>{{ end }}

            """);
        File.WriteAllText(Path.Combine(layouts, "index.html"), """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range where .Site.RegularPages "Section" "claims" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.rating }} <blockquote lang="fr">{{ .Params.quote }}</blockquote></li>{{ end }}</ul>{{ end }}

            """);
        for (var c = 0; c < Claims; c++)
        {
            var shape = Shape(c);
            var counters = string.Concat(Enumerable.Range(1, 3).Select(k =>
                $"  - speaker: {Id("p", (c * 7 + k) % People, 3)}\n    quote: \"{quotes[c * 4 + k]}\"\n    relation: {Relations[(c + k) % 3]}\n"));
            File.WriteAllText(Path.Combine(content, Id("c", c) + ".md"), $"""
                ---
                title: "Claim {N(c)} about the negotiations"
                date: {shape.Date}
                rating: {shape.Rating}
                speaker: {shape.Speaker}
                said_on: {shape.Date}
                quote: "{quotes[c * 4]}"
                counters:
                {counters}sources: [{string.Join(", ", shape.Sources)}]
                tags: [{string.Join(", ", shape.Tags)}]
                ---
                {shape.Explanation}
                """);
        }
    }
}
