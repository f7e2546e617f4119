using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// A page shared on social media or in a messaging app shows a title card with a picture: Open Graph and Twitter Card
/// tags on every page, absolute from the base URL, and a 1200×630 share image per claim, per article and for the home page.
/// </summary>
public sealed class SharingTests
{
    private const string BaseUrl = "https://example.org/dossier/";

    private static readonly string[] OpenGraph = ["og:type", "og:title", "og:url", "og:description", "og:site_name", "og:locale", "og:image",
        "og:image:alt", "og:image:width", "og:image:height"];

    private static readonly string[] TwitterCard = ["twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"];

    [Fact]
    public void With_a_base_url_every_page_carries_every_share_tag_with_absolute_addresses()
    {
        using var project = TestProject.RealDossier();
        Assert.True(Build(project, BaseUrl).Succeeded);
        var parser = new HtmlParser();

        foreach (var path in HtmlPages(project).Where(p => !IsRedirect(project, p)))
        {
            var page = parser.ParseDocument(File.ReadAllText(Path.Combine(project.Output, path)));
            foreach (var tag in OpenGraph.Concat(TwitterCard))
            {
                Assert.False(string.IsNullOrWhiteSpace(Meta(page, tag)), $"{path}: {tag} is missing or empty");
            }

            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            Assert.StartsWith(BaseUrl, canonical, StringComparison.Ordinal);
            Assert.Equal(canonical, Meta(page, "og:url"));
            Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
            Assert.Equal(("1200", "630"), (Meta(page, "og:image:width"), Meta(page, "og:image:height")));
            Assert.Equal("en_US", Meta(page, "og:locale"));
            var image = Meta(page, "og:image")!;
            Assert.Equal(image, Meta(page, "twitter:image"));
            Assert.StartsWith(BaseUrl + "share/", image, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(project.Output, image[BaseUrl.Length..])), $"{path}: {image} was not written");
        }
    }

    [Theory]
    [InlineData("index.html", "website", "share/home.png")]
    [InlineData("claims/stoltenberg-russia-lied/index.html", "article", "share/claims/stoltenberg-russia-lied.png")]
    [InlineData("articles/istanbul-talks-2022-03-31/index.html", "article", "share/articles/istanbul-talks-2022-03-31.png")]
    [InlineData("people/jens-stoltenberg/index.html", "website", "share/home.png")]
    public void A_claim_or_an_article_is_shared_with_its_own_image_and_any_other_page_with_the_dossiers(string path, string type, string image)
    {
        using var project = TestProject.RealDossier();
        Assert.True(Build(project, BaseUrl).Succeeded);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(project.Output, path)));

        Assert.Equal(type, Meta(page, "og:type"));
        Assert.Equal(BaseUrl + image, Meta(page, "og:image"));
        if (path.StartsWith("claims/", StringComparison.Ordinal))
        {
            // What the image shows, in words: the verdict, the statement as said, who said it and when.
            Assert.Equal("Needs context: “La Russie a constamment menti sur ses intentions”, Jens Stoltenberg, March 31, 2022", Meta(page, "og:image:alt"));
        }
    }

    [Fact]
    public void Without_a_base_url_no_tag_that_needs_an_absolute_address_is_written_and_no_image_is_drawn()
    {
        using var project = TestProject.RealDossier();
        Assert.True(Build(project, baseUrl: null).Succeeded);
        var parser = new HtmlParser();

        foreach (var path in HtmlPages(project).Where(p => !IsRedirect(project, p)))
        {
            var page = parser.ParseDocument(File.ReadAllText(Path.Combine(project.Output, path)));
            Assert.Empty(page.QuerySelectorAll("meta[property='og:url'], meta[property^='og:image'], meta[name^='twitter:image'], link[rel=canonical]"));
            foreach (var tag in new[] { "og:type", "og:title", "og:description", "og:site_name", "og:locale", "twitter:title", "twitter:description" })
            {
                Assert.False(string.IsNullOrWhiteSpace(Meta(page, tag)), $"{path}: {tag} is missing or empty");
            }

            Assert.Equal("summary", Meta(page, "twitter:card")); // no image: the small card
        }

        Assert.False(Directory.Exists(Path.Combine(project.Output, "share")));
    }

    [Fact]
    public void Building_for_publication_without_a_base_url_is_reported_at_the_site_settings()
    {
        using var project = TestProject.RealDossier();

        var published = SiteBuilder.Build(new BuildOptions(project.Layout, Strict: true));
        var checkedOnly = SiteBuilder.Build(new BuildOptions(project.Layout, Write: false, Strict: true));
        var withAddress = SiteBuilder.Build(new BuildOptions(project.Layout, Strict: true) { BaseUrl = new Uri(BaseUrl) });

        var error = Assert.Single(published.Diagnostics);
        Assert.Equal(("FD0404", "input/site.yml", 1), (error.Code.Id, error.Span.Path, error.Span.Line));
        Assert.Contains("--base-url", error.Hint, StringComparison.Ordinal);
        Assert.True(checkedOnly.Succeeded); // a pull request's check needs no address
        Assert.True(withAddress.Succeeded, string.Join("\n", withAddress.Diagnostics));
        Assert.Empty(SiteBuilder.Build(new BuildOptions(project.Layout) { BaseUrl = null }).Diagnostics); // only --strict asks
    }

    [Fact]
    public void Each_claim_gets_its_own_1200_by_630_png_and_so_do_each_article_and_the_home_page()
    {
        using var project = TestProject.RealDossier();
        Assert.True(Build(project, BaseUrl).Succeeded);
        var claims = Directory.GetFiles(project.PathOf("input/claims"), "*.yml").Select(Path.GetFileNameWithoutExtension).ToList();
        var images = Directory.GetFiles(Path.Combine(project.Output, "share"), "*.png", SearchOption.AllDirectories);

        Assert.Equal(claims.Count + 2, images.Length); // and one article, and the home page
        foreach (var image in images)
        {
            var png = File.ReadAllBytes(image);
            Assert.Equal((1200, 630), PngSize(png));
            // Flat colours and text: an indexed PNG (colour type 3), a third of the full-colour file's bytes.
            Assert.True(png[25] == 3 && png.Length < 45_000, $"{image}: colour type {png[25]}, {png.Length} bytes");
        }

        var claimImages = claims.Select(id => File.ReadAllBytes(Path.Combine(project.Output, "share", "claims", id + ".png"))).ToList();
        Assert.Equal(claims.Count, claimImages.Select(Convert.ToBase64String).Distinct().Count());
    }

    [Fact]
    public void Share_images_are_the_same_bytes_from_a_clean_build_under_another_culture()
    {
        using var first = TestProject.RealDossier();
        using var second = TestProject.RealDossier();
        Assert.True(Build(first, BaseUrl).Succeeded);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            // Turkish upper-cases "i" as "İ", Arabic writes other digits: neither may reach an image.
            CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = new CultureInfo("tr-TR");
            Assert.True(Build(second, BaseUrl).Succeeded);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.DefaultThreadCurrentCulture) = (culture, uiCulture);
        }

        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(Path.Combine(first.Output, "share")), OutputSnapshot.Of(Path.Combine(second.Output, "share")));
    }

    [Fact]
    public void An_image_is_drawn_again_only_when_what_it_shows_changes()
    {
        using var project = TestProject.RealDossier();
        Assert.True(Build(project, BaseUrl).Succeeded);
        const string Claim = "input/claims/stoltenberg-russia-lied.yml";
        var image = Path.Combine(project.Output, "share", "claims", "stoltenberg-russia-lied.png");
        var (bytes, written) = (File.ReadAllBytes(image), File.GetLastWriteTimeUtc(image));

        var original = project.Read(Claim);
        project.Write(Claim, Replace(original, "headline: Russia has constantly lied", "headline: Russia has always lied"));
        Assert.True(Build(project, BaseUrl).Succeeded);
        Assert.Equal(written, File.GetLastWriteTimeUtc(image)); // the headline is not on the image

        project.Write(Claim, Replace(original, "rating: needs-context", "rating: accurate"));
        Assert.True(Build(project, BaseUrl).Succeeded);
        Assert.False(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(image))); // the verdict is
    }

    [Fact]
    public void Every_claim_review_has_what_google_requires_and_recommends()
    {
        using var project = TestProject.RealDossier();
        Assert.True(Build(project, BaseUrl).Succeeded);
        var parser = new HtmlParser();
        var claims = Directory.GetFiles(project.PathOf("input/claims"), "*.yml").Select(Path.GetFileNameWithoutExtension).ToList();
        var notCheckable = 0;

        foreach (var id in claims)
        {
            var page = parser.ParseDocument(File.ReadAllText(Path.Combine(project.Output, "claims", id!, "index.html")));
            using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            var review = json.RootElement;
            // Required (developers.google.com/search/docs/appearance/structured-data/factcheck).
            Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("claimReviewed").GetString()));
            Assert.Equal($"{BaseUrl}claims/{id}/", review.GetProperty("url").GetString());
            var rating = review.GetProperty("reviewRating");
            Assert.False(string.IsNullOrWhiteSpace(rating.GetProperty("alternateName").GetString()));
            // Recommended.
            Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("author").GetProperty("name").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", review.GetProperty("datePublished").GetString()!);
            var item = review.GetProperty("itemReviewed");
            Assert.Equal("Claim", item.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("author").GetProperty("name").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item.GetProperty("datePublished").GetString()!);
            Assert.True(item.TryGetProperty("appearance", out _) || item.TryGetProperty("firstAppearance", out _));
            if (rating.TryGetProperty("ratingValue", out var value))
            {
                Assert.InRange(value.GetInt32(), rating.GetProperty("worstRating").GetInt32(), rating.GetProperty("bestRating").GetInt32());
            }
            else
            {
                // Not checkable: its name alone, no number of the scale.
                notCheckable++;
                Assert.False(rating.TryGetProperty("bestRating", out _) || rating.TryGetProperty("worstRating", out _));
            }
        }

        Assert.InRange(notCheckable, 1, claims.Count - 1);
    }

    [Theory]
    [InlineData("pas de retrait massif", 36, 4, new[] { "pas de retrait massif" })]
    [InlineData("one two three four five six", 9, 2, new[] { "one two", "three…" })]
    [InlineData("one two three four", 10, 2, new[] { "one two", "three four" })]
    [InlineData("a verylongwordthatdoesnotfit b", 10, 3, new[] { "a", "verylongw…", "b" })]
    [InlineData("alpha, beta, gamma, delta", 12, 1, new[] { "alpha, beta…" })]
    public void Text_is_wrapped_between_words_and_cut_with_an_ellipsis(string text, int width, int most, string[] expected)
    {
        Assert.Equal(expected, FactDossier.Text.TextLines.Wrap(text, width, most));
    }

    private static BuildResult Build(TestProject project, string? baseUrl) =>
        SiteBuilder.Build(new BuildOptions(project.Layout) { BaseUrl = baseUrl is null ? null : new Uri(baseUrl) });

    private static IEnumerable<string> HtmlPages(TestProject project) =>
        Directory.EnumerateFiles(project.Output, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(project.Output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("admin/", StringComparison.Ordinal)); // the editor's page is not shared

    private static bool IsRedirect(TestProject project, string path) =>
        File.ReadAllText(Path.Combine(project.Output, path)).Contains("http-equiv=\"refresh\"", StringComparison.Ordinal) || path == "404.html";

    private static string? Meta(IDocument page, string name) =>
        (page.QuerySelector($"meta[property='{name}']") ?? page.QuerySelector($"meta[name='{name}']"))?.GetAttribute("content");

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static string Replace(string text, string passage, string replacement)
    {
        Assert.Contains(passage, text, StringComparison.Ordinal);
        return text.Replace(passage, replacement, StringComparison.Ordinal);
    }
}
