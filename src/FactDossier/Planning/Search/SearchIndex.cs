using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FactDossier.Planning.Views;

namespace FactDossier.Planning.Search;

/// <summary>
/// The home page's search index, made at build time and fetched by the reader's browser a piece at a time, as
/// Pagefind's is: no search ever downloads every claim.
/// <list type="bullet">
/// <item><c>search/meta.json</c>: the index's version, how many claims, the term shards' prefixes, and each filter's values with counts.</item>
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

    /// <summary>
    /// What the next plan of the preview starts from: the claims as numbered, each term's claims and its JSON (also by
    /// the terms' order), each claim's result document, the filters and their files. An edit that keeps every claim in
    /// its place changes only the terms and documents of the claims edited, and the filters only when an edited claim
    /// moved between them.
    /// </summary>
    public sealed record State(
        IReadOnlyList<ClaimView> Claims,
        IReadOnlyDictionary<string, List<int>> Postings,
        IReadOnlyDictionary<string, string> TermJson,
        string[] SortedTerms,
        string[] SortedJson,
        IReadOnlyDictionary<ClaimView, string> DocJson,
        IReadOnlyList<DataFile> DocFiles,
        List<(string Facet, List<FacetValue> Values)> Facets,
        IReadOnlyList<DataFile> FacetFiles,
        IReadOnlyList<DataFile> TermFiles,
        IReadOnlyDictionary<DataFile, ulong> FileHashes);

    public static IReadOnlyList<DataFile> Files(PlanningContext context)
    {
        var claims = context.ClaimsInReadingOrder;
        var last = context.PreviousPlan?.Files.FirstOrDefault(f => f.OutputPath == MetaFile)?.Search;
        // With the claims in the same places, the docs whose claim was edited; null: everything is made anew.
        var before = last is not null && SameOrder(last.Claims, claims) ? last : null;
        var edited = before is null ? null : Enumerable.Range(0, claims.Count).Where(d => !ReferenceEquals(before.Claims[d], claims[d])).ToList();
        var (postings, termJson, sortedTerms, changedTerms) = before is not null ? Update(before, claims, edited!) : Build(claims);

        string[] json;
        if (before is not null && ReferenceEquals(sortedTerms, before.SortedTerms))
        {
            json = (string[])before.SortedJson.Clone(); // no term came or went: the edited terms' JSON put in their places
            foreach (var term in changedTerms)
            {
                json[Array.BinarySearch(sortedTerms, term, StringComparer.Ordinal)] = termJson[term];
            }
        }
        else
        {
            json = [.. sortedTerms.Select(t => termJson[t])];
        }

        var sizes = json.Select(j => j.Length + 1).ToArray();
        var shards = new List<TermRange>();
        Shard(sortedTerms, sizes, 0, sortedTerms.Length, 1, shards);

        var files = new List<DataFile>();
        for (var i = 0; i < shards.Count; i++)
        {
            // Pieces: a term unchanged since the last plan is the same string, compared at once.
            var (start, end) = (shards[i].Start, shards[i].End);
            var pieces = new string[2 * (end - start) + 1];
            pieces[0] = "{";
            for (var t = start; t < end; t++)
            {
                pieces[(2 * (t - start)) + 1] = json[t];
                pieces[(2 * (t - start)) + 2] = ",";
            }

            pieces[^1] = "}";
            // The last plan's file while it holds the very same terms' JSON: its hash is known.
            files.Add(last?.TermFiles.ElementAtOrDefault(i) is { } same && same.Pieces.SequenceEqual(pieces, StringComparer.Ordinal) ? same : new DataFile($"search/terms/{i}.json", pieces));
        }

        var (facets, facetFiles) = before is not null && edited!.All(d => SameFilters(before.Claims[d], claims[d]))
            ? (before.Facets, before.FacetFiles)
            : FacetFiles(context, claims);
        files.AddRange(facetFiles);

        Dictionary<ClaimView, string> docJson;
        if (before is not null)
        {
            docJson = new(before.DocJson, ReferenceEqualityComparer.Instance);
            foreach (var d in edited!)
            {
                docJson.Remove(before.Claims[d]);
                docJson[claims[d]] = Doc(claims[d]);
            }
        }
        else
        {
            docJson = new(claims.Count, ReferenceEqualityComparer.Instance);
            foreach (var claim in claims)
            {
                docJson[claim] = last?.DocJson.GetValueOrDefault(claim) ?? Doc(claim);
            }
        }

        var docFiles = new List<DataFile>();
        for (var first = 0; first < claims.Count; first += DocsPerFile)
        {
            var end = Math.Min(first + DocsPerFile, claims.Count);
            var kept = before is not null && !edited!.Any(d => d >= first && d < end);
            docFiles.Add(kept ? before!.DocFiles[first / DocsPerFile] : new DataFile($"search/docs/{first / DocsPerFile}.json",
                ["[", .. Enumerable.Range(first, end - first).SelectMany(d => d == first ? [docJson[claims[d]]] : new[] { ",", docJson[claims[d]] }), "]"]));
        }

        var termFiles = files.GetRange(0, shards.Count);
        files.AddRange(docFiles);
        var hashes = files.ToDictionary<DataFile, DataFile, ulong>(f => f, f => last is not null && last.FileHashes.TryGetValue(f, out var known) ? known : Hash(f), ReferenceEqualityComparer.Instance);
        files.Add(new DataFile(MetaFile, Meta(Version(files, hashes), claims.Count, shards.Select(s => s.Prefix), facets))
        {
            Search = new State([.. claims], postings, termJson, sortedTerms, json, docJson, docFiles, facets, facetFiles, termFiles, hashes),
        });
        return files;
    }

    /// <summary>Whether a claim edited is under the same filters (verdict, speaker, topics, article) with the same labels.</summary>
    private static bool SameFilters(ClaimView then, ClaimView now) =>
        then.Verdict.Rating == now.Verdict.Rating && then.Verdict.Label == now.Verdict.Label
        && then.Statement.Speaker?.Id == now.Statement.Speaker?.Id && then.Statement.Speaker?.Name == now.Statement.Speaker?.Name
        && then.Tags.Select(t => t.Key).SequenceEqual(now.Tags.Select(t => t.Key), StringComparer.Ordinal)
        && then.Article.Id == now.Article.Id && then.Article.Title == now.Article.Title;

    private const string MetaFile = "search/meta.json";

    private static bool SameOrder(IReadOnlyList<ClaimView> before, IReadOnlyList<ClaimView> now)
    {
        if (before.Count != now.Count)
        {
            return false;
        }

        for (var i = 0; i < now.Count; i++)
        {
            if (!string.Equals(before[i].Id, now[i].Id, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static (Dictionary<string, List<int>>, Dictionary<string, string>, string[], IReadOnlyCollection<string>) Build(IReadOnlyList<ClaimView> claims)
    {
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

        var termJson = postings.ToDictionary(p => p.Key, p => TermJson(p.Key, p.Value, claims.Count), StringComparer.Ordinal);
        var sorted = postings.Keys.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return (postings, termJson, sorted, sorted);
    }

    /// <summary>
    /// The last plan's index with the edited claims' terms moved: a term gains or loses those claims only. The last
    /// plan's lists are never changed (a failed build keeps it as it was): a term that changes gets a new list.
    /// </summary>
    private static (Dictionary<string, List<int>>, Dictionary<string, string>, string[], IReadOnlyCollection<string>) Update(State before, IReadOnlyList<ClaimView> claims,
        IEnumerable<int> edited)
    {
        var postings = new Dictionary<string, List<int>>(before.Postings, StringComparer.Ordinal);
        var changedTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in edited)
        {
            var old = before.Claims[doc].SearchTerms.ToHashSet(StringComparer.Ordinal);
            var now = claims[doc].SearchTerms.ToHashSet(StringComparer.Ordinal);
            foreach (var term in old.Except(now))
            {
                var docs = postings[term].Where(d => d != doc).ToList();
                postings[term] = docs;
                changedTerms.Add(term);
            }

            foreach (var term in now.Except(old))
            {
                var docs = postings.TryGetValue(term, out var list) ? new List<int>(list) : [];
                var at = docs.BinarySearch(doc);
                docs.Insert(at < 0 ? ~at : at, doc);
                postings[term] = docs;
                changedTerms.Add(term);
            }
        }

        if (changedTerms.Count == 0)
        {
            return (postings, new Dictionary<string, string>(before.TermJson, StringComparer.Ordinal), before.SortedTerms, changedTerms);
        }

        var termJson = new Dictionary<string, string>(before.TermJson, StringComparer.Ordinal);
        var added = false;
        var removed = false;
        foreach (var term in changedTerms)
        {
            if (postings[term].Count == 0)
            {
                postings.Remove(term);
                termJson.Remove(term);
                removed = true;
            }
            else
            {
                added |= !termJson.ContainsKey(term);
                termJson[term] = TermJson(term, postings[term], claims.Count);
            }
        }

        var sorted = before.SortedTerms;
        if (added || removed)
        {
            sorted = postings.Keys.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
        }

        return (postings, termJson, sorted, changedTerms);
    }

    private static string TermJson(string term, List<int> docs, int count) => $"{Quoted(term)}:{DocList(docs, count)}";

    /// <summary>
    /// The sorted terms from <paramref name="start"/> to <paramref name="end"/> grouped by their first
    /// <paramref name="length"/> characters, a group too big split again one character further. Sorted terms that
    /// share a prefix stand together, so a group is a range: nothing is copied.
    /// </summary>
    private static void Shard(string[] terms, int[] sizes, int start, int end, int length, List<TermRange> shards)
    {
        var first = start;
        while (first < end)
        {
            var prefix = terms[first].AsSpan(0, Math.Min(length, terms[first].Length));
            var last = first + 1;
            var size = sizes[first];
            // A term shorter than the prefix length is a group of its own (the next term that starts with it is longer).
            while (last < end && prefix.Length == length && terms[last].AsSpan().StartsWith(prefix, StringComparison.Ordinal))
            {
                size += sizes[last++];
            }

            if (length < MaxPrefixLength && last - first > 1 && size > MaxShardLength)
            {
                // The term no longer than the prefix (the prefix itself, first when sorted) stays under it; the rest are split further.
                var rest = first;
                if (terms[first].Length <= length)
                {
                    shards.Add(new TermRange(prefix.ToString(), first, first + 1));
                    rest++;
                }

                Shard(terms, sizes, rest, last, length + 1, shards);
            }
            else
            {
                shards.Add(new TermRange(prefix.ToString(), first, last));
            }

            first = last;
        }
    }

    /// <summary>A shard: its prefix and its terms, a range of the sorted terms.</summary>
    private sealed record TermRange(string Prefix, int Start, int End);

    public sealed record FacetValue(string Value, string Label, List<int> Docs);

    /// <summary>Each filter's values with their claims, and a file per value.</summary>
    private static (List<(string Facet, List<FacetValue> Values)>, IReadOnlyList<DataFile>) FacetFiles(PlanningContext context, IReadOnlyList<ClaimView> claims)
    {
        var facets = Facets(context, claims);
        var files = new List<DataFile>();
        foreach (var (facet, values) in facets)
        {
            foreach (var value in values)
            {
                files.Add(new DataFile($"search/facets/{facet}/{value.Value}.json", DocList(value.Docs, claims.Count)));
            }
        }

        return (facets, files);
    }

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

    /// <summary>
    /// A hash of the index's other files (their paths and each one's own hash): the browser asks for them with it
    /// (<c>?v=</c>), so that a file cached from another build, whose shards were cut elsewhere, is never read with this meta.json.
    /// </summary>
    private static string Version(List<DataFile> files, Dictionary<DataFile, ulong> hashes)
    {
        var hash = new XxHash3();
        Span<byte> fileHash = stackalloc byte[sizeof(ulong)];
        foreach (var file in files)
        {
            AppendUtf16LittleEndian(hash, file.OutputPath);
            BinaryPrimitives.WriteUInt64LittleEndian(fileHash, hashes[file]);
            hash.Append(fileHash);
        }

        return hash.GetCurrentHashAsUInt64().ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>One file's text, hashed once: a file the next plan keeps is not read again.</summary>
    private static ulong Hash(DataFile file)
    {
        var hash = new XxHash3();
        foreach (var piece in file.Pieces)
        {
            AppendUtf16LittleEndian(hash, piece);
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>A text's UTF-16 code units as little-endian bytes, the same on every machine.</summary>
    private static void AppendUtf16LittleEndian(XxHash3 hash, string text)
    {
        if (BitConverter.IsLittleEndian)
        {
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
            return;
        }

        Span<byte> unit = stackalloc byte[2];
        foreach (var c in text)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(unit, c);
            hash.Append(unit);
        }
    }

    private static string Meta(string version, int count, IEnumerable<string> prefixes, List<(string Facet, List<FacetValue> Values)> facets) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("version", version);
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

    /// <summary>A result as a list: URL, headline, speaker, verdict key, verdict label, verdict summary, the verdict's tone and mark.</summary>
    private static string Doc(ClaimView claim) => Json(w =>
    {
        w.WriteStartArray();
        w.WriteStringValue(claim.Url);
        w.WriteStringValue(claim.Headline);
        w.WriteStringValue(claim.Statement.Speaker?.Name ?? "");
        w.WriteStringValue(claim.Verdict.Rating);
        w.WriteStringValue(claim.Verdict.Label);
        w.WriteStringValue(claim.Verdict.Summary);
        w.WriteStringValue(claim.Verdict.Look.Tone);
        w.WriteStringValue(claim.Verdict.Look.Mark);
        w.WriteEndArray();
    });

    /// <summary>The claims as gaps or as a bitmap, whichever is shorter.</summary>
    private static string DocList(List<int> docs, int count)
    {
        var bitmapLength = 2 + (((count + 7) / 8) + 2) / 3 * 4;
        // Gaps take at least two characters each (a digit and a comma, or a bracket): when even that is longer, the
        // bitmap is shorter without writing the gaps.
        if ((2 * docs.Count) + 1 > bitmapLength)
        {
            return Bitmap(docs, count);
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
