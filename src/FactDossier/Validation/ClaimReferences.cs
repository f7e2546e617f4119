using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>What a claim's references are checked against: the ids the dossier's files define, and its articles.</summary>
public sealed class ClaimReferences
{
    private readonly Dossier _dossier;

    public ClaimReferences(Dossier dossier)
    {
        _dossier = dossier;
        Articles = dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
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
        ReferenceEquals(dossier.Site, _dossier.Site)
        && Same(dossier.Articles, _dossier.Articles) && Same(dossier.People, _dossier.People) && Same(dossier.Sources, _dossier.Sources);

    private static bool Same<T>(IEnumerable<T> a, IEnumerable<T> b)
        where T : class => Enumerable.SequenceEqual(a, b, ReferenceEqualityComparer.Instance);
}
