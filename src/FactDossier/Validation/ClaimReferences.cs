using System.Collections.Immutable;
using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>What a claim's references are checked against: the ids the dossier's files define, and its articles.</summary>
public sealed class ClaimReferences
{
    // What the ids were read from; not the dossier itself, which would keep its claims alive.
    private readonly (SiteSettings Site, ImmutableArray<Article> Articles, ImmutableArray<Person> People, ImmutableArray<Source> Sources) _from;

    public ClaimReferences(Dossier dossier)
    {
        _from = (dossier.Site, dossier.Articles, dossier.People, dossier.Sources);
        Articles = dossier.Articles.DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal); // a repeated id is FD0101
        ArticleIds = dossier.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        PersonIds = dossier.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        SourceIds = dossier.Sources.Select(s => s.Id).Concat(dossier.Articles.Select(a => a.Id)).ToHashSet(StringComparer.Ordinal);
        RatingKeys = dossier.Site.RatingScale.Ratings.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Article> Articles { get; }

    public IReadOnlySet<string> ArticleIds { get; }

    public IReadOnlySet<string> PersonIds { get; }

    /// <summary>A source reference may name a source or an article.</summary>
    public IReadOnlySet<string> SourceIds { get; }

    public IReadOnlySet<string> RatingKeys { get; }

    /// <summary>Whether a dossier defines the same: the same loaded objects (the preview's loader keeps an unchanged file's).</summary>
    public bool AreThoseOf(Dossier dossier) =>
        ReferenceEquals(dossier.Site, _from.Site)
        && Same(dossier.Articles, _from.Articles) && Same(dossier.People, _from.People) && Same(dossier.Sources, _from.Sources);

    private static bool Same<T>(IEnumerable<T> a, IEnumerable<T> b)
        where T : class => Enumerable.SequenceEqual(a, b, ReferenceEqualityComparer.Instance);
}
