using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
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
public static partial class SearchIndex
{
    public const int DocsPerFile = 100;

    /// <summary>
    /// What the next plan of the preview starts from: the claims as numbered, the terms (<see cref="TermIndex"/>), each
    /// claim's result document, the filters and their files. An edit that keeps every claim in its place changes only
    /// the terms and documents of the claims edited, and the filters only when an edited claim moved between them.
    /// </summary>
    internal sealed record State(
        IReadOnlyList<ClaimView> Claims,
        TermIndex Terms,
        IReadOnlyDictionary<string, string> DocJson,
        IReadOnlyList<DataFile> DocFiles,
        List<(string Facet, List<FacetValue> Values)> Facets,
        IReadOnlyList<DataFile> FacetFiles,
        IReadOnlyDictionary<DataFile, ulong> FileHashes);

    public static IReadOnlyList<DataFile> Files(PlanningContext context)
    {
        var claims = context.ClaimsInReadingOrder;
        var last = context.Reuse?.File(MetaFile)?.Search;
        // With the claims in the same places, the docs whose claim changed; null: everything is made anew.
        var before = last is not null && SameOrder(last.Claims, claims) ? last : null;
        var edited = before is null ? null : Enumerable.Range(0, claims.Count).Where(d => !context.IsUnchanged(claims[d].Id)).ToList();
        var terms = Terms(claims, before, edited, last);
        var (facets, facetFiles) = before is not null && edited!.All(d => SameFilters(before.Claims[d], claims[d]))
            ? (before.Facets, before.FacetFiles)
            : FacetFiles(context, claims);
        var (docJson, docFiles) = Docs(context, claims, before, edited, last);
        List<DataFile> files = [.. terms.Files, .. facetFiles, .. docFiles];
        var hashes = files.ToDictionary<DataFile, DataFile, ulong>(f => f, f => last is not null && last.FileHashes.TryGetValue(f, out var known) ? known : Hash(f), ReferenceEqualityComparer.Instance);
        files.Add(new DataFile(MetaFile, Meta(Version(files, hashes), claims.Count, terms.Shards.Select(s => s.Prefix), facets))
        {
            Search = new State([.. claims], terms, docJson, docFiles, facets, facetFiles, hashes),
        });
        return files;
    }

    private const string MetaFile = "search/meta.json";

    private static bool SameOrder(IReadOnlyList<ClaimView> before, IReadOnlyList<ClaimView> now) =>
        before.Count == now.Count && before.Select(c => c.Id).SequenceEqual(now.Select(c => c.Id), StringComparer.Ordinal);

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
}
