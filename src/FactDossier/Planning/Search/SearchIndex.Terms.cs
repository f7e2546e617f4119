using FactDossier.Planning.Views;

namespace FactDossier.Planning.Search;

/// <summary>The index's terms: each term's claims, its JSON, and the shards of terms by prefix.</summary>
public static partial class SearchIndex
{
    /// <summary>A shard bigger than this (in characters) is split by one more character of its terms' prefix.</summary>
    public const int MaxShardLength = 48 * 1024;

    private const int MaxPrefixLength = 8;

    /// <summary>The terms of a plan: each term's claims and JSON, the terms sorted and their JSON in that order, the shards and their files.</summary>
    internal sealed record TermIndex(IReadOnlyDictionary<string, List<int>> Postings, IReadOnlyDictionary<string, string> TermJson, string[] Sorted,
        string[] SortedJson, List<TermRange> Shards, List<DataFile> Files);

    /// <summary>The terms made anew, or the last plan's with the edited claims' terms moved (<paramref name="before"/>: the claims in the same places).</summary>
    private static TermIndex Terms(IReadOnlyList<ClaimView> claims, State? before, List<int>? edited, State? last)
    {
        var (postings, termJson, sortedTerms, changedTerms) = before is not null ? Update(before, claims, edited!) : Build(claims);
        string[] json;
        if (before is not null && ReferenceEquals(sortedTerms, before.Terms.Sorted))
        {
            json = (string[])before.Terms.SortedJson.Clone(); // no term came or went: the edited terms' JSON put in their places
            foreach (var term in changedTerms)
            {
                json[Array.BinarySearch(sortedTerms, term, StringComparer.Ordinal)] = termJson[term];
            }
        }
        else
        {
            json = [.. sortedTerms.Select(t => termJson[t])];
        }

        var shards = new List<TermRange>();
        Shard(sortedTerms, [.. json.Select(j => j.Length + 1)], 0, sortedTerms.Length, 1, shards);
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
            files.Add(last?.Terms.Files.ElementAtOrDefault(i) is { } same && same.Pieces.SequenceEqual(pieces, StringComparer.Ordinal) ? same : new DataFile($"search/terms/{i}.json", pieces));
        }

        return new TermIndex(postings, termJson, sortedTerms, json, shards, files);
    }

    private static (Dictionary<string, List<int>>, Dictionary<string, string>, string[], IReadOnlyCollection<string>) Build(IReadOnlyList<ClaimView> claims)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var doc = 0; doc < claims.Count; doc++)
        {
            foreach (var term in claims[doc].SearchTerms)
            {
                (postings.TryGetValue(term, out var docs) ? docs : postings[term] = []).Add(doc);
            }
        }

        var termJson = postings.ToDictionary(p => p.Key, p => TermJson(p.Key, p.Value, claims.Count), StringComparer.Ordinal);
        var sorted = postings.Keys.Order(StringComparer.Ordinal).ToArray();
        return (postings, termJson, sorted, sorted);
    }

    /// <summary>
    /// The last plan's index with the edited claims' terms moved: a term gains or loses those claims only. The last
    /// plan's lists are never changed (a failed build keeps it as it was): a term that changes gets a new list.
    /// </summary>
    private static (Dictionary<string, List<int>>, Dictionary<string, string>, string[], IReadOnlyCollection<string>) Update(State before, IReadOnlyList<ClaimView> claims,
        IEnumerable<int> edited)
    {
        var postings = new Dictionary<string, List<int>>(before.Terms.Postings, StringComparer.Ordinal);
        var changedTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in edited)
        {
            var old = before.Claims[doc].SearchTerms.ToHashSet(StringComparer.Ordinal);
            var now = claims[doc].SearchTerms.ToHashSet(StringComparer.Ordinal);
            foreach (var term in old.Except(now))
            {
                postings[term] = postings[term].Where(d => d != doc).ToList();
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
            return (postings, new Dictionary<string, string>(before.Terms.TermJson, StringComparer.Ordinal), before.Terms.Sorted, changedTerms);
        }

        var termJson = new Dictionary<string, string>(before.Terms.TermJson, StringComparer.Ordinal);
        var cameOrWent = false;
        foreach (var term in changedTerms)
        {
            if (postings[term].Count == 0)
            {
                postings.Remove(term);
                termJson.Remove(term);
                cameOrWent = true;
            }
            else
            {
                cameOrWent |= !termJson.ContainsKey(term);
                termJson[term] = TermJson(term, postings[term], claims.Count);
            }
        }

        var sorted = cameOrWent ? postings.Keys.Order(StringComparer.Ordinal).ToArray() : before.Terms.Sorted;
        return (postings, termJson, sorted, changedTerms);
    }

    /// <summary>A term and its claims: a term is letters and digits only (<see cref="SearchTerms"/>), so nothing to escape.</summary>
    private static string TermJson(string term, List<int> docs, int count) => $"\"{term}\":{DocList(docs, count)}";

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
    internal sealed record TermRange(string Prefix, int Start, int End);
}
