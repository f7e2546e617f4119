using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// What the claims put under each key (a speaker's quotes, a day's quotes, a source's citing claims), each group in the
/// claims' order. After an edit, only the groups an edited claim was or is in are gathered again; the others are the
/// last plan's, and <see cref="IsChanged"/> tells a planner it may keep the views it made from them.
/// </summary>
public sealed class ClaimGrouping<TItem>
{
    private readonly IReadOnlySet<string>? _changed;

    internal ClaimGrouping(Dictionary<string, Member[]> groups, IReadOnlySet<string>? changed)
    {
        Groups = groups;
        _changed = changed;
    }

    public readonly record struct Member(string ClaimId, TItem Item);

    public IEnumerable<string> Keys => Groups.Keys;

    /// <summary>The group under a key, in the claims' order (empty when no claim puts anything there).</summary>
    public IReadOnlyList<Member> this[string key] => Groups.GetValueOrDefault(key) ?? [];

    /// <summary>Whether the group may differ from the last plan's (always, without one).</summary>
    public bool IsChanged(string key) => _changed is null || _changed.Contains(key);

    internal IReadOnlyDictionary<string, Member[]> Groups { get; }
}

/// <summary>Makes a <see cref="ClaimGrouping{TItem}"/>, from scratch or from the last plan's.</summary>
public static class ClaimGrouping
{
    /// <param name="claims">Every claim, in the dossier's order (by id).</param>
    /// <param name="previous">The last plan's grouping and the claims it was made from, with the ids of those that changed since.</param>
    public static ClaimGrouping<TItem> Of<TItem>(IReadOnlyList<ClaimView> claims, Func<ClaimView, IEnumerable<(string Key, TItem Item)>> items,
        (ClaimGrouping<TItem> Grouping, IReadOnlyDictionary<string, ClaimView> Claims, IReadOnlySet<string> ChangedClaims)? previous)
    {
        if (previous is not { } before)
        {
            var all = new Dictionary<string, List<ClaimGrouping<TItem>.Member>>(StringComparer.Ordinal);
            foreach (var claim in claims)
            {
                foreach (var (key, item) in items(claim))
                {
                    (all.TryGetValue(key, out var group) ? group : all[key] = []).Add(new ClaimGrouping<TItem>.Member(claim.Id, item));
                }
            }

            return new ClaimGrouping<TItem>(all.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal), changed: null);
        }

        // The changed claims' items, now; their keys then and now are the groups to gather again.
        var added = new Dictionary<string, List<ClaimGrouping<TItem>.Member>>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claims.Where(c => before.ChangedClaims.Contains(c.Id)))
        {
            foreach (var (key, item) in items(claim))
            {
                (added.TryGetValue(key, out var group) ? group : added[key] = []).Add(new ClaimGrouping<TItem>.Member(claim.Id, item));
                changed.Add(key);
            }
        }

        foreach (var id in before.ChangedClaims)
        {
            if (before.Claims.TryGetValue(id, out var then))
            {
                changed.UnionWith(items(then).Select(x => x.Key));
            }
        }

        var groups = new Dictionary<string, ClaimGrouping<TItem>.Member[]>(before.Grouping.Groups, StringComparer.Ordinal);
        foreach (var key in changed)
        {
            // Members stay in the claims' order (by id, ordinal), each claim's items in their own order: a stable sort.
            var members = before.Grouping[key].Where(m => !before.ChangedClaims.Contains(m.ClaimId))
                .Concat(added.GetValueOrDefault(key) ?? [])
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
