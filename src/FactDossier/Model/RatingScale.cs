using System.Collections.Immutable;

namespace FactDossier.Model;

public sealed record RatingScale(ImmutableArray<Rating> Ratings)
{
    public int Best => Ratings.IsEmpty ? 0 : Ratings.Max(r => r.Value);

    public int Worst => Ratings.IsEmpty ? 0 : Ratings.Min(r => r.Value);

    public Rating? Find(string key) => Ratings.FirstOrDefault(r => r.Key == key);
}
