using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Building;

/// <summary>What changed since the last build, as every stage is told it: the changed claims, or everything.</summary>
public sealed class DeltaTests
{
    private static readonly Dossier Seed = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!;

    private static readonly Dictionary<string, int> SeedTags = Delta.TagCountsOf(Seed.Claims);

    [Fact]
    public void The_same_objects_are_no_change_at_all()
    {
        var delta = Delta.Between(Seed, SeedTags, Seed with { });

        Assert.True(delta.OnlyClaims);
        Assert.Empty(delta.Claims!);
        Assert.False(delta.Touches(Seed.Claims[0].Id));
    }

    [Fact]
    public void A_claim_edited_added_or_removed_is_in_the_delta_and_no_other()
    {
        var claims = Seed.Claims.ToList();
        var (edited, removed) = (claims[3], claims[5]);
        claims[3] = edited with { Headline = "Edited" };
        claims.Remove(removed);
        var added = removed with { Id = "zz-added" }; // the same tags: no count changes
        claims.Add(added);

        var delta = Delta.Between(Seed, SeedTags, Seed with { Claims = [.. claims.OrderBy(c => c.Id, StringComparer.Ordinal)] }); // as loaded

        Assert.Equal(new[] { edited.Id, removed.Id, added.Id }.Order(StringComparer.Ordinal), delta.Claims!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_person_source_article_page_or_the_settings_replaced_is_everything()
    {
        Dossier[] others =
        [
            Seed with { People = [Seed.People[0] with { Name = "Other" }, .. Seed.People[1..]] },
            Seed with { Sources = [.. Seed.Sources[1..]] },
            Seed with { Articles = [Seed.Articles[0] with { }] },
            Seed with { Pages = [.. Seed.Pages, Seed.Pages[0] with { Slug = "more" }] },
            Seed with { Site = Seed.Site with { } },
        ];

        Assert.All(others, now => Assert.False(Delta.Between(Seed, SeedTags, now).OnlyClaims));
    }

    /// <summary>Every card shows its tags' counts: a claim that now shares its tag with one more claim shows another count.</summary>
    [Fact]
    public void A_claim_whose_tag_count_changed_is_in_the_delta_with_the_claim_that_changed_it()
    {
        var tag = Seed.Claims.SelectMany(c => c.Tags).First(t => SeedTags[t] >= 2);
        var lone = Seed.Claims.First(c => !c.Tags.Contains(tag));
        var claims = Seed.Claims.Select(c => c.Id == lone.Id ? c with { Tags = [.. c.Tags, tag] } : c).ToList();

        var delta = Delta.Between(Seed, SeedTags, Seed with { Claims = [.. claims] });

        var carrying = Seed.Claims.Where(c => c.Tags.Contains(tag)).Select(c => c.Id).Append(lone.Id);
        Assert.Equal(carrying.Order(StringComparer.Ordinal), delta.Claims!.Order(StringComparer.Ordinal));
        Assert.Equal(SeedTags[tag] + 1, delta.TagCounts[tag]);
    }

    [Fact]
    public void From_the_files_stamps_only_claim_files_edited_in_place_name_claims()
    {
        var layout = InputLayout.Under(RepositoryPaths.Root);
        var edited = Seed.Claims[2];
        var path = layout.FromRoot(edited.Path);
        bool EditedInPlace(string p) => p.EndsWith(".yml", StringComparison.Ordinal) && p.Contains("/input/claims/", StringComparison.Ordinal);

        var claimOnly = Delta.FromFiles(new HashSet<string> { path }, EditedInPlace, c => layout.FromRoot(c.Path), SeedTags, Seed);
        var withSettings = Delta.FromFiles(new HashSet<string> { path, layout.SiteFile }, EditedInPlace, c => layout.FromRoot(c.Path), SeedTags, Seed);

        Assert.Equal([edited.Id], claimOnly.Claims!);
        Assert.Null(withSettings.Claims);
        Assert.True(withSettings.Touches("any claim"));
    }
}
