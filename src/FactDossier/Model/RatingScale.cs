using System.Collections.Immutable;

namespace FactDossier.Model;

public sealed record RatingScale(ImmutableArray<Rating> Ratings)
{
    /// <summary>The numeric scale runs over the checkable ratings only.</summary>
    public int Best => Ratings.Where(r => r.Checkable).Select(r => r.Value).DefaultIfEmpty().Max();

    public int Worst => Ratings.Where(r => r.Checkable).Select(r => r.Value).DefaultIfEmpty().Min();

    public Rating? Find(string key) => Ratings.FirstOrDefault(r => r.Key == key);
}
