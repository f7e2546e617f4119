using System.Globalization;
using System.Text.Json;
using FactDossier.Loading.Yaml;

namespace FactDossier.Tests.Support;

/// <summary>
/// A project whose every free-text field holds an attack: payload <c>i</c> goes into every string field of claim
/// <c>x{i}</c>, person <c>p{i}</c>, source <c>s{i}</c> and article <c>a{i}</c>; the site settings and a Markdown page
/// carry all of them. A safe build renders each one as inert text.
/// </summary>
public static class XssDossier
{
    public static IReadOnlyList<string> Payloads { get; } =
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "xss-payloads.json")))!;

    public static string Quoted(string s) => YamlText.Quote(s);

    public static TestProject Create()
    {
        var project = TestProject.Minimal();
        var all = Quoted(string.Join(" | ", Payloads));
        project.Write("input/site.yml", $"""
            title: {all}
            summary: {all}
            language: en
            publisher:
              name: {all}
            rating_scale:
              - key: accurate
                label: {Quoted(Payloads[0])}
                value: 3
                description: {Quoted(Payloads[1])}
              - key: misleading
                label: {Quoted(Payloads[2])}
                value: 2
                description: {Quoted(Payloads[3])}
              - key: inaccurate
                label: {Quoted(Payloads[4])}
                value: 1
                description: {Quoted(Payloads[5])}
            """);
        project.Write("input/pages/attacks.md", "---\ntitle: " + Quoted(Payloads[8]) + "\n---\n\n" + string.Join("\n\n", Payloads) + "\n");
        for (var i = 0; i < Payloads.Count; i++)
        {
            var p = Quoted(Payloads[i]);
            var headline = Quoted(Payloads[i].Length <= 74 ? Payloads[i] : Payloads[i][..74]);
            var n = i.ToString(CultureInfo.InvariantCulture);
            project.Write($"input/articles/a{n}.yml", $"title: {p}\nlanguage: fr\ndate: 2022-03-31\npublisher: {p}\npublisher_note: {p}\nsummary: {p}\nseed: seeds/talks.txt\n");
            project.Write($"input/people/p{n}.yml", $"name: {p}\nname_in_article: {p}\nrole: {p}\norganisation: {p}\nnote: {p}\n");
            project.Write($"input/sources/s{n}.yml", $"publisher: {p}\ntitle: {p}\nnote: {p}\nlanguage: en\nurl: https://example.org/s{n}\n");
            project.Write($"input/claims/x{n}.yml", $"""
                article: a{n}
                headline: {headline}
                published_on: 2022-04-01
                statement:
                  speaker: p{n}
                  quote: {p}
                  source: s{n}
                  translation: {p}
                  said_on: 2022-03-29
                  venue: {p}
                  context: {p}
                counter_statements:
                  - speaker: p{n}
                    quote: pas de retrait massif
                    prefix: a constaté
                    translation: {p}
                    venue: {p}
                    relation: contradicts
                  - text: {p}
                    relation: qualifies
                    source: s{n}
                verdict:
                  rating: misleading
                  summary: {p}
                  explanation: {p}
                sources: [s{n}]
                tags: [attack]
                corrections:
                  - date: 2022-04-01
                    what: {p}
                """);
        }

        return project;
    }
}
