using FactDossier.Model;

namespace FactDossier.Validation;

/// <summary>What a claim's references are checked against: the ids the dossier's files define, and its articles.</summary>
public sealed class ClaimReferences
{
    public ClaimReferences(Dossier dossier)
    {
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
}
