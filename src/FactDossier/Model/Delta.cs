using System.Collections.Immutable;

namespace FactDossier.Model;

/// <summary>
/// What changed since the last build, found once right after loading and handed to every later stage: the ids of the
/// claims edited, added or removed, and of those whose card shows a tag count that changed; or, when anything else
/// changed (settings, people, sources, articles, pages, the theme, the options) or nothing is known of a last build,
/// everything. No stage decides this by a rule of its own.
/// </summary>
/// <param name="Claims">The changed claims' ids; null: everything changed.</param>
/// <param name="TagCounts">How many claims carry each tag now.</param>
public sealed record Delta(IReadOnlySet<string>? Claims, IReadOnlyDictionary<string, int> TagCounts)
{
    /// <summary>Whether only claims changed: every other claim, and everything else, is as the last build had it.</summary>
    public bool OnlyClaims => Claims is not null;

    /// <summary>Whether a claim (or what its card shows) may differ from the last build's.</summary>
    public bool Touches(string claimId) => Claims is null || Claims.Contains(claimId);

    public static Delta Everything(Dossier now) => new(null, TagCountsOf(now.Claims));

    /// <summary>
    /// Between two loads of one process (the preview, the build server): a file that did not change loads as the very
    /// same object, so identity tells the edited claims, and anything else not the same is everything.
    /// </summary>
    public static Delta Between(Dossier before, IReadOnlyDictionary<string, int> tagsBefore, Dossier now)
    {
        if (!ReferenceEquals(before.Site, now.Site) || !Same(before.Articles, now.Articles) || !Same(before.People, now.People)
            || !Same(before.Sources, now.Sources) || !Same(before.Pages, now.Pages))
        {
            return Everything(now);
        }

        return WithTagCounts(ChangedClaims(before.Claims, now.Claims), tagsBefore, now);
    }

    /// <summary>
    /// From the files' stamps against the last build's (the command line): when only claim files were edited in place,
    /// the claims read from them; a claim file added or removed, or any other file changed, is everything.
    /// </summary>
    /// <param name="changed">The full paths whose stamp differs, or that only one side has.</param>
    /// <param name="isClaimEditedInPlace">Whether a changed path is a claim file that both sides have.</param>
    public static Delta FromFiles(IReadOnlySet<string> changed, Func<string, bool> isClaimEditedInPlace, Func<Claim, string> fullPathOf,
        IReadOnlyDictionary<string, int> tagsBefore, Dossier now) =>
        changed.All(isClaimEditedInPlace)
            ? WithTagCounts([.. now.Claims.Where(c => changed.Contains(fullPathOf(c))).Select(c => c.Id)], tagsBefore, now)
            : Everything(now);

    /// <summary>Every card shows its tags' counts: a claim whose tag is now on more or fewer claims changed too.</summary>
    private static Delta WithTagCounts(HashSet<string> claims, IReadOnlyDictionary<string, int> tagsBefore, Dossier now)
    {
        var tags = TagCountsOf(now.Claims);
        var recounted = tags.Keys.Concat(tagsBefore.Keys).Where(t => tags.GetValueOrDefault(t) != tagsBefore.GetValueOrDefault(t)).ToHashSet(StringComparer.Ordinal);
        if (recounted.Count > 0)
        {
            claims.UnionWith(now.Claims.Where(c => c.Tags.Any(recounted.Contains)).Select(c => c.Id));
        }

        return new Delta(claims, tags);
    }

    public static Dictionary<string, int> TagCountsOf(IEnumerable<Claim> claims)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            foreach (var tag in claim.Tags)
            {
                counts[tag] = counts.GetValueOrDefault(tag) + 1;
            }
        }

        return counts;
    }

    /// <summary>
    /// The ids of the claims that are not the same objects as before. Claims come sorted by id: after an edit in place
    /// the two lists line up, and one pass compares them; otherwise a claim is changed if the other side lacks its object.
    /// </summary>
    private static HashSet<string> ChangedClaims(ImmutableArray<Claim> before, ImmutableArray<Claim> after)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (before.Length == after.Length && Enumerable.Range(0, after.Length).All(i => before[i].Id == after[i].Id))
        {
            changed.UnionWith(Enumerable.Range(0, after.Length).Where(i => !ReferenceEquals(before[i], after[i])).Select(i => after[i].Id));
            return changed;
        }

        var then = before.ToHashSet(ReferenceEqualityComparer.Instance);
        var now = after.ToHashSet(ReferenceEqualityComparer.Instance);
        changed.UnionWith(after.Where(c => !then.Contains(c)).Select(c => c.Id));
        changed.UnionWith(before.Where(c => !now.Contains(c)).Select(c => c.Id));
        return changed;
    }

    private static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b)
        where T : class => a.AsSpan().SequenceEqual(b.AsSpan(), ReferenceEqualityComparer.Instance);
}
