using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The repository's dossier cloned to 1,000 claims, at the default page sizes, built once for the tests at scale.</summary>
public sealed class ThousandClaimSite() : BuiltSite(TestProject.ClonedDossier(1000))
{
    public const string Collection = "a thousand claims";
}

[CollectionDefinition(ThousandClaimSite.Collection)]
public sealed class ThousandClaimGroup : ICollectionFixture<ThousandClaimSite>;

/// <summary>
/// The page-weight budget: at 1,000 claims, paginated at the default sizes, the home page stays within 256 KB of HTML
/// and every other list within 512 KB. A claim's page and an article's annotated page are not lists: they grow with
/// what they show.
/// </summary>
[Collection(ThousandClaimSite.Collection)]
public sealed class PageWeightTests(ThousandClaimSite site)
{
    [Fact]
    public void The_home_page_is_at_most_256_KB_and_every_other_list_page_at_most_512_KB()
    {
        var lists = site.HtmlFiles()
            .Where(f => !(f.StartsWith("claims/", StringComparison.Ordinal) && !f.StartsWith("claims/page/", StringComparison.Ordinal) && f != "claims/index.html"))
            .Where(f => !(f.StartsWith("articles/", StringComparison.Ordinal) && f != "articles/index.html"))
            .ToList();

        Assert.True(new FileInfo(Path.Combine(site.Output, "index.html")).Length <= 256 * 1024);
        var heavy = lists.Select(f => (File: f, Size: new FileInfo(Path.Combine(site.Output, f)).Length)).Where(p => p.Size > 512 * 1024).ToList();
        Assert.True(heavy.Count == 0, string.Join("\n", heavy));
        Assert.Contains("page/40/index.html", lists);
        Assert.Contains("sources/istanbul-talks-2022-03-31/page/2/index.html", lists);
    }
}
