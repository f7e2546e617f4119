using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FactDossier.Planning.Views;

namespace FactDossier.Planning.Search;

/// <summary>
/// The home page's search index, made at build time and fetched by the reader's browser a piece at a time, as
/// Pagefind's is: no search ever downloads every claim.
/// <list type="bullet">
/// <item><c>search/meta.json</c>: how many claims, the term shards' prefixes, and each filter's values with counts.</item>
/// <item><c>search/terms/&lt;n&gt;.json</c>: the terms starting with shard n's prefix, each with the claims that hold it.</item>
/// <item><c>search/facets/&lt;filter&gt;/&lt;value&gt;.json</c>: the claims of one verdict, speaker, topic or article.</item>
/// <item><c>search/docs/&lt;n&gt;.json</c>: what a result shows, <see cref="DocsPerFile"/> claims a file.</item>
/// </list>
/// Claims are numbered in reading order. A list of claims is written as gaps (a JSON array: the first number, then
/// each one's distance from the one before), or, where that would be longer, as a bitmap (a JSON string: base64 of
/// one bit per claim, claim n in bit n % 8 of byte n / 8): a word most claims hold costs one bit a claim.
/// </summary>
public static class SearchIndex
{
    public const int DocsPerFile = 100;

    /// <summary>A shard bigger than this (in characters) is split by one more character of its terms' prefix.</summary>
    public const int MaxShardLength = 48 * 1024;

    private const int MaxPrefixLength = 8;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DataFile> Files(PlanningContext context)
    {
        var claims = context.ClaimsInReadingOrder;
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var doc = 0; doc < claims.Count; doc++)
        {
            foreach (var term in claims[doc].SearchTerms)
            {
                if (!postings.TryGetValue(term, out var docs))
                {
                    postings[term] = docs = [];
                }

                docs.Add(doc);
            }
        }

        var terms = postings.Keys.Order(StringComparer.Ordinal).Select(t => (Term: t, Json: $"{Quoted(t)}:{DocList(postings[t], claims.Count)}")).ToList();
        var shards = new List<(string Prefix, List<(string Term, string Json)> Terms)>();
        Shard(terms, 1, shards);

        var files = new List<DataFile>();
        for (var i = 0; i < shards.Count; i++)
        {
            files.Add(new DataFile($"search/terms/{i}.json", "{" + string.Join(",", shards[i].Terms.Select(t => t.Json)) + "}"));
        }

        var facets = Facets(context, claims);
        foreach (var (facet, values) in facets)
        {
            foreach (var value in values)
            {
                files.Add(new DataFile($"search/facets/{facet}/{value.Value}.json", DocList(value.Docs, claims.Count)));
            }
        }

        for (var first = 0; first < claims.Count; first += DocsPerFile)
        {
            files.Add(new DataFile($"search/docs/{first / DocsPerFile}.json", Docs(claims, first, Math.Min(claims.Count, first + DocsPerFile))));
        }

        files.Add(new DataFile("search/meta.json", Meta(claims.Count, shards.Select(s => s.Prefix), facets)));
        return files;
    }

    /// <summary>Terms grouped by their first <paramref name="length"/> characters, a group too big split again one character further.</summary>
    private static void Shard(IReadOnlyList<(string Term, string Json)> terms, int length, List<(string, List<(string, string)>)> shards)
    {
        foreach (var group in terms.GroupBy(t => t.Term[..Math.Min(length, t.Term.Length)], StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (length < MaxPrefixLength && members.Count > 1 && members.Sum(t => t.Json.Length + 1) > MaxShardLength)
            {
                // Terms no longer than the prefix stay together under it; the rest are split further.
                var whole = members.Where(t => t.Term.Length <= length).ToList();
                if (whole.Count > 0)
                {
                    shards.Add((group.Key, whole));
                }

                Shard(members.Where(t => t.Term.Length > length).ToList(), length + 1, shards);
            }
            else
            {
                shards.Add((group.Key, members));
            }
        }
    }

    private sealed record FacetValue(string Value, string Label, List<int> Docs);

    private static List<(string Facet, List<FacetValue> Values)> Facets(PlanningContext context, IReadOnlyList<ClaimView> claims)
    {
        var verdict = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        var speaker = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        var topic = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        var article = new Dictionary<string, FacetValue>(StringComparer.Ordinal);
        static void Add(Dictionary<string, FacetValue> facet, string value, string label, int doc)
        {
            if (!facet.TryGetValue(value, out var entry))
            {
                facet[value] = entry = new FacetValue(value, label, []);
            }

            entry.Docs.Add(doc);
        }

        for (var doc = 0; doc < claims.Count; doc++)
        {
            var claim = claims[doc];
            Add(verdict, claim.Verdict.Rating, claim.Verdict.Label, doc);
            if (claim.Statement.Speaker is { } person)
            {
                Add(speaker, person.Id, person.Name, doc);
            }

            foreach (var tag in claim.Tags)
            {
                Add(topic, tag.Key, tag.Key, doc);
            }

            Add(article, claim.Article.Id, claim.Article.Title, doc);
        }

        var scale = context.Dossier.Site.RatingScale.Ratings.OrderByDescending(r => r.Value).Select(r => r.Key).ToList();
        var articles = context.Dossier.Articles.OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();
        return
        [
            ("verdict", [.. verdict.Values.OrderBy(v => scale.IndexOf(v.Value) is var i && i < 0 ? int.MaxValue : i).ThenBy(v => v.Value, StringComparer.Ordinal)]),
            ("speaker", [.. speaker.Values.OrderBy(v => v.Label, StringComparer.Ordinal).ThenBy(v => v.Value, StringComparer.Ordinal)]),
            ("topic", [.. topic.Values.OrderBy(v => v.Value, StringComparer.Ordinal)]),
            ("article", [.. article.Values.OrderBy(v => articles.IndexOf(v.Value))]),
        ];
    }

    private static string Meta(int count, IEnumerable<string> prefixes, List<(string Facet, List<FacetValue> Values)> facets) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteNumber("count", count);
        w.WriteNumber("docsPerFile", DocsPerFile);
        w.WriteNumber("minLength", SearchTerms.MinLength);
        w.WriteStartArray("shards");
        foreach (var prefix in prefixes)
        {
            w.WriteStringValue(prefix);
        }

        w.WriteEndArray();
        w.WriteStartObject("facets");
        foreach (var (facet, values) in facets)
        {
            w.WriteStartArray(facet);
            foreach (var value in values)
            {
                w.WriteStartArray();
                w.WriteStringValue(value.Value);
                w.WriteStringValue(value.Label);
                w.WriteNumberValue(value.Docs.Count);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Each result as a list: URL, headline, speaker, verdict key, verdict label, verdict summary.</summary>
    private static string Docs(IReadOnlyList<ClaimView> claims, int from, int to) => Json(w =>
    {
        w.WriteStartArray();
        for (var doc = from; doc < to; doc++)
        {
            var claim = claims[doc];
            w.WriteStartArray();
            w.WriteStringValue(claim.Url);
            w.WriteStringValue(claim.Headline);
            w.WriteStringValue(claim.Statement.Speaker?.Name ?? "");
            w.WriteStringValue(claim.Verdict.Rating);
            w.WriteStringValue(claim.Verdict.Label);
            w.WriteStringValue(claim.Verdict.Summary);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    });

    /// <summary>The claims as gaps or as a bitmap, whichever is shorter.</summary>
    private static string DocList(List<int> docs, int count)
    {
        var bitmapLength = 2 + (((count + 7) / 8) + 2) / 3 * 4;
        // A gap takes at least two characters (a digit and a comma).
        if (2 * docs.Count < bitmapLength)
        {
            return Gaps(docs);
        }

        var gaps = Gaps(docs);
        return gaps.Length <= bitmapLength ? gaps : Bitmap(docs, count);
    }

    private static string Bitmap(List<int> docs, int count)
    {
        var bits = new byte[(count + 7) / 8];
        foreach (var doc in docs)
        {
            bits[doc >> 3] |= (byte)(1 << (doc & 7));
        }

        return $"\"{Convert.ToBase64String(bits)}\"";
    }

    private static string Gaps(List<int> docs)
    {
        var text = new StringBuilder("[");
        var last = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append((docs[i] - last).ToString(CultureInfo.InvariantCulture));
            last = docs[i];
        }

        return text.Append(']').ToString();
    }

    /// <summary>A term as a JSON string: letters and digits only (<see cref="SearchTerms"/>), so nothing to escape.</summary>
    private static string Quoted(string term) => $"\"{term}\"";

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
