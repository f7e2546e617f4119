using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Rendering;

public sealed class RatingLookTests
{
    private static Rating Rating(string key, int value, bool checkable = true, string? tone = null, string? mark = null) =>
        new(key, key, value, key, SourceSpan.StartOf("input/site.yml")) { Checkable = checkable, Tone = tone, Mark = mark };

    private static Dictionary<string, (string, string, string)> Looks(RatingScale scale) =>
        scale.Ratings.ToDictionary(r => r.Key, r => scale.LookOf(r) is var l ? (l.Tone, l.Mark, l.Texture) : default);

    [Fact]
    public void The_seed_scale_keeps_the_colours_marks_and_textures_its_keys_had()
    {
        var scale = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!.Site.RatingScale;

        // What site.css, the share card and charts/texture.liquid gave these keys by name before tones.
        Assert.Equal(new Dictionary<string, (string, string, string)>
        {
            ["accurate"] = ("supported", "✓", "plain"),
            ["needs-context"] = ("mixed", "!", "lines"),
            ["misleading"] = ("mixed", "✗", "lines-back"),
            ["contradicted"] = ("refuted", "✗", "cross"),
            ["inaccurate"] = ("refuted", "✗", "grid"),
            ["not-checkable"] = ("not-rated", "?", "dots"),
        }, Looks(scale));
    }

    [Fact]
    public void A_scale_without_tones_takes_them_from_its_values_and_marks_from_its_tones()
    {
        // PolitiFact's Truth-O-Meter, from true to the most false, and one rating outside the numeric scale.
        var scale = new RatingScale([Rating("true", 6), Rating("mostly-true", 5), Rating("half-true", 4), Rating("mostly-false", 3),
            Rating("false", 2), Rating("pants-on-fire", 1), Rating("no-verdict", 0, checkable: false)]);

        Assert.Equal(new Dictionary<string, (string, string, string)>
        {
            ["true"] = ("supported", "✓", "plain"),
            ["mostly-true"] = ("supported", "✓", "columns"),
            ["half-true"] = ("mixed", "!", "lines"),
            ["mostly-false"] = ("mixed", "!", "lines-back"),
            ["false"] = ("refuted", "✗", "cross"),
            ["pants-on-fire"] = ("refuted", "✗", "grid"),
            ["no-verdict"] = ("not-rated", "?", "dots"),
        }, Looks(scale));
    }

    [Fact]
    public void Given_tones_and_marks_win_over_the_defaults_and_textures_follow_the_order_of_values_not_of_the_file()
    {
        var scale = new RatingScale([Rating("faux", 1, tone: "refuted"), Rating("vrai", 3, mark: "✔"), Rating("trompeur", 2, tone: "refuted", mark: "≈")]);

        Assert.Equal(new Dictionary<string, (string, string, string)>
        {
            ["vrai"] = ("supported", "✔", "plain"),
            ["trompeur"] = ("refuted", "≈", "cross"),
            ["faux"] = ("refuted", "✗", "grid"),
        }, Looks(scale));
    }

    [Fact]
    public void No_two_ratings_of_a_tone_share_a_texture_until_the_tones_textures_run_out()
    {
        var scale = new RatingScale([.. Enumerable.Range(1, 5).Select(i => Rating($"r{i}", i, tone: "refuted"))]);

        var textures = scale.Ratings.OrderByDescending(r => r.Value).Select(r => scale.LookOf(r).Texture).ToList();

        Assert.Equal(["cross", "grid", "zigzag", "cross", "grid"], textures);
        var all = RatingTones.All.SelectMany(RatingTones.Textures).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count()); // no texture is two tones'
    }

    [Fact]
    public void A_draft_is_grey_dotted_and_has_no_mark() =>
        Assert.Equal(("not-rated", "", "dots"), (RatingLook.Draft.Tone, RatingLook.Draft.Mark, RatingLook.Draft.Texture));

    [Fact]
    public void The_scale_with_one_checkable_value_is_mixed_rather_than_divided_by_zero() =>
        Assert.Equal("mixed", RatingTones.DefaultTone(Rating("only", 1), 1, 1));

    [Fact]
    public void Every_tone_has_a_default_mark_and_textures() =>
        Assert.All(RatingTones.All, tone => Assert.True(RatingTones.DefaultMark(tone).Length > 0 && RatingTones.Textures(tone).Count > 0, tone));
}
