using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// What the claims put under each key (a speaker's quotes, a day's quotes, a source's citing claims), each group in the
/// claims' order. After an edit, only the groups an edited claim was or is in are gathered again; the others are the
/// last plan's, and <see cref="IsChanged"/> tells a planner it may keep the views it made from them.
/// </summary>
public sealed class ClaimGrouping<TItem>(Dictionary<string, ClaimGrouping<TItem>.Member[]> groups, IReadOnlySet<string>? changed)
{
    public readonly record struct Member(string ClaimId, TItem Item);

    public IEnumerable<string> Keys => Groups.Keys;

    /// <summary>The group under a key, in the claims' order (empty when no claim puts anything there).</summary>
    public IReadOnlyList<Member> this[string key] => Groups.GetValueOrDefault(key) ?? [];

    /// <summary>Whether the group may differ from the last plan's (always, without one).</summary>
    public bool IsChanged(string key) => changed is null || changed.Contains(key);

    internal IReadOnlyDictionary<string, Member[]> Groups { get; } = groups;
}

/// <summary>Makes a <see cref="ClaimGrouping{TItem}"/>, from scratch or from the last plan's.</summary>
public static class ClaimGrouping
{
    /// <param name="claims">Every claim, in the dossier's order (by id).</param>
    /// <param name="previous">The last plan's grouping, made from <paramref name="reuse"/>'s last plan.</param>
    public static ClaimGrouping<TItem> Of<TItem>(IReadOnlyList<ClaimView> claims, Func<ClaimView, IEnumerable<(string Key, TItem Item)>> items,
        ClaimGrouping<TItem>? previous, PageReuse? reuse)
    {
        IEnumerable<(string Key, ClaimGrouping<TItem>.Member Member)> MembersOf(IEnumerable<ClaimView> of) =>
            of.SelectMany(c => items(c).Select(x => (x.Key, new ClaimGrouping<TItem>.Member(c.Id, x.Item))));
        if (previous is null || reuse is null)
        {
            return new ClaimGrouping<TItem>(MembersOf(claims).GroupBy(x => x.Key, x => x.Member, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal), changed: null);
        }

        // The changed claims' keys, then and now, are the groups to gather again; their items now are put in.
        var changed = reuse.Touched(c => items(c).Select(x => x.Key));
        var added = MembersOf(claims.Where(c => reuse.Changed.Contains(c.Id))).ToLookup(x => x.Key, x => x.Member, StringComparer.Ordinal);
        var groups = new Dictionary<string, ClaimGrouping<TItem>.Member[]>(previous.Groups, StringComparer.Ordinal);
        foreach (var key in changed)
        {
            // Members stay in the claims' order (by id, ordinal), each claim's items in their own order: a stable sort.
            var members = previous[key].Where(m => !reuse.Changed.Contains(m.ClaimId))
                .Concat(added[key])
                .OrderBy(m => m.ClaimId, StringComparer.Ordinal)
                .ToArray();
            if (members.Length == 0)
            {
                groups.Remove(key);
            }
            else
            {
                groups[key] = members;
            }
        }

        return new ClaimGrouping<TItem>(groups, changed);
    }
}
