using System.Collections.Immutable;

namespace FactDossier.Model;

public sealed record RatingScale(ImmutableArray<Rating> Ratings)
{
    /// <summary>The numeric scale runs over the checkable ratings only.</summary>
    public int Best => Ratings.Where(r => r.Checkable).Select(r => r.Value).DefaultIfEmpty().Max();

    public int Worst => Ratings.Where(r => r.Checkable).Select(r => r.Value).DefaultIfEmpty().Min();

    public Rating? Find(string key) => Ratings.FirstOrDefault(r => r.Key == key);

    public string ToneOf(Rating rating) => rating.Tone ?? RatingTones.DefaultTone(rating, Worst, Best);

    /// <summary>
    /// How the theme draws a rating of this scale: its tone and mark, given or by default, and the texture of its rank
    /// among the ratings of its tone (best first), so that no two ratings of a tone look alike in a chart.
    /// </summary>
    public RatingLook LookOf(Rating rating)
    {
        var tone = ToneOf(rating);
        var rank = Ratings.OrderByDescending(r => r.Value).TakeWhile(r => r.Key != rating.Key).Count(r => ToneOf(r) == tone);
        var textures = RatingTones.Textures(tone);
        return new RatingLook(tone, rating.Mark ?? RatingTones.DefaultMark(tone), textures[rank % textures.Count]);
    }
}
