using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactDossier.Planning.Search;
using FactDossier.Tests.EndToEnd;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Planning;

/// <summary>
/// The search index as the browser reads it: the same look-ups as <c>theme/assets/site.js</c>, done here on the built
/// files, find every claim by a word of its own, and no first search downloads more than its budget.
/// </summary>
[Collection(ThousandClaimSite.Collection)]
public sealed class SearchIndexTests(RealDossierSite seed, ThousandClaimSite large) : IClassFixture<RealDossierSite>
{
    [Theory]
    [InlineData("Le Drian a déclaré: « ne se retirent pas »", new[] { "le", "drian", "declare", "ne", "se", "retirent", "pas" })]
    [InlineData("L'armée RUSSE d'Ukraine", new[] { "armee", "russe", "ukraine" })]
    [InlineData("Çavuşoğlu — 2022-03-29", new[] { "cavusoglu", "2022", "03", "29" })]
    [InlineData("Київ і Чернігів", new[] { "киів", "чернігів" })]
    public void Terms_are_lower_case_without_accents_cut_at_non_letters_two_letters_or_more(string text, string[] expected) =>
        Assert.Equal(expected.Distinct().Order(StringComparer.Ordinal), SearchTerms.Of([text]));

    [Fact]
    public void Every_claim_is_found_by_a_word_only_its_verdict_summary_holds()
    {
        var index = new Index(seed.Output);
        var claims = Claims(seed);
        var summaries = claims.Select(c => SearchTerms.Of([c.Summary])).ToList();
        var terms = claims.Select(c => SearchTerms.Of(AllText(c))).ToList();
        var found = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            // A word of three letters or more also finds the terms it begins.
            var own = summaries[i].Where(w => w.Length >= 4
                && Enumerable.Range(0, claims.Count).All(j => j == i || !terms[j].Any(t => t.StartsWith(w, StringComparison.Ordinal)))).ToList();
            foreach (var word in own.Take(3))
            {
                var docs = index.Search(word);
                Assert.Equal([claims[i].Url], docs.Select(d => index.Doc(d)[0]));
                found++;
            }
        }

        Assert.True(found >= claims.Count, $"only {found} words checked");
    }

    [Fact]
    public void Words_are_all_required_prefixes_match_from_three_letters_and_filters_narrow()
    {
        var index = new Index(seed.Output);
        var claims = Claims(seed);

        var stoltenberg = index.Search("stoltenberg");
        Assert.Equal(claims.Where(c => AllText(c).Any(t => t.Contains("Stoltenberg", StringComparison.Ordinal))).Select(c => c.Url).Order(),
            stoltenberg.Select(d => index.Doc(d)[0]).Order());
        Assert.Equal(index.Search("stolt"), stoltenberg);
        // Two letters match a whole term only.
        Assert.Equal(claims.Select((c, i) => (c, i)).Where(x => SearchTerms.Of(AllText(x.c)).Contains("st")).Select(x => x.c.Url),
            index.Search("st").Select(d => index.Doc(d)[0]));
        var both = index.Search("stoltenberg", "kyiv");
        Assert.Subset(stoltenberg.ToHashSet(), both.ToHashSet());
        Assert.True(both.Count < stoltenberg.Count);

        var accurate = index.Facet("verdict", "accurate");
        Assert.Equal(claims.Count(c => c.Rating == "accurate"), accurate.Count);
        Assert.All(accurate, d => Assert.Equal("accurate", index.Doc(d)[3]));
        Assert.Equal(index.Meta["count"]!.GetValue<int>(), claims.Count);
    }

    [Fact]
    public void At_a_thousand_claims_a_first_search_downloads_at_most_1_MB_or_300_KB_compressed()
    {
        var index = new Index(large.Output);
        var words = SearchTerms.Of(Claims(large).Take(24).SelectMany(AllText)).Where(w => w.Length >= 2).ToList();
        Assert.True(words.Count > 100);
        foreach (var word in words.Concat(words.Where(w => w.Length > 3).Select(w => w[..3])))
        {
            index.Fetched.Clear();
            var docs = index.Search(word);
            foreach (var file in docs.Take(25).Select(d => d / 100).Distinct())
            {
                index.Doc(file * 100);
            }

            var raw = index.Fetched.Sum(f => new FileInfo(Path.Combine(large.Output, "search", f)).Length);
            var compressed = index.Fetched.Sum(f => Gzipped(Path.Combine(large.Output, "search", f)));
            Assert.True(raw <= 1024 * 1024, $"'{word}': {raw} bytes");
            Assert.True(compressed <= 300 * 1024, $"'{word}': {compressed} bytes compressed");
        }
    }

    [Fact]
    public void No_page_loads_claims_json_or_the_whole_index()
    {
        Assert.All(large.HtmlFiles(), f => Assert.DoesNotContain("claims.json\"", large.Page(f).QuerySelectorAll("script, link[rel=preload]").Select(e => e.OuterHtml)));
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Theme, "assets", "site.js"));
        Assert.DoesNotContain("claims.json", script, StringComparison.Ordinal);
    }

    private sealed record ClaimEntry(string Url, string Headline, string Summary, string Rating, List<string> Texts);

    /// <summary>Each claim with the texts the index is made of, read from its page.</summary>
    private static List<ClaimEntry> Claims(BuiltSite site)
    {
        using var json = JsonDocument.Parse(site.Text("claims.json"));
        return json.RootElement.GetProperty("claims").EnumerateArray().Select(c =>
        {
            var path = c.GetProperty("url").GetString()!;
            var page = site.Page(path.TrimStart('/') + "index.html");
            var texts = page.QuerySelectorAll("h1, .verdict-summary, .versus blockquote, .versus .translation, .versus .fact, .versus .attribution a, .claim-footer a.tag")
                .Select(e => e.TextContent).ToList();
            return new ClaimEntry(path, page.QuerySelector("h1")!.TextContent, page.QuerySelector(".verdict-summary")!.TextContent,
                page.QuerySelector(".verdict")!.GetAttribute("data-rating")!, texts);
        }).ToList();
    }

    private static IEnumerable<string> AllText(ClaimEntry claim) => claim.Texts;

    private static long Gzipped(string file)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(file));
        }

        return buffer.Length;
    }

    /// <summary>The browser's side of the index (site.js), over the built files, noting each file it reads.</summary>
    private sealed class Index(string output)
    {
        public JsonNode Meta { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "search", "meta.json")))!;

        public HashSet<string> Fetched { get; } = ["meta.json"];

        private JsonNode Read(string file)
        {
            Fetched.Add(file);
            return JsonNode.Parse(File.ReadAllText(Path.Combine(output, "search", file)))!;
        }

        public List<int> Search(params string[] words) =>
            words.Select(Docs).Aggregate((a, b) => [.. a.Intersect(b)]);

        private List<int> Docs(string word)
        {
            var shards = Meta["shards"]!.AsArray().Select((p, i) => (Prefix: p!.GetValue<string>(), Index: i))
                .Where(s => word.StartsWith(s.Prefix, StringComparison.Ordinal) || (word.Length >= 3 && s.Prefix.StartsWith(word, StringComparison.Ordinal)));
            return shards.SelectMany(s => Read($"terms/{s.Index}.json").AsObject())
                .Where(t => t.Key == word || (word.Length >= 3 && t.Key.StartsWith(word, StringComparison.Ordinal)))
                .SelectMany(t => SearchIndexFiles.Claims(t.Value!))
                .Distinct().Order().ToList();
        }

        public List<int> Facet(string facet, string value) => SearchIndexFiles.Claims(Read($"facets/{facet}/{value}.json"));

        public List<string> Doc(int doc) =>
            Read($"docs/{doc / 100}.json").AsArray()[doc % 100]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
    }
}
