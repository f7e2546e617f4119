using FactDossier.Editing;
using FactDossier.Planning.Search;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>
/// The machine-readable files: claims.json (every ClaimReview), an Atom feed, sitemap.xml and robots.txt. Drafts are
/// left out: they are for previewing, and <c>--strict</c> keeps them from being published.
/// </summary>
public static class DataFilePlanner
{
    /// <summary>The files made from the claims alone (claims.json, the feed, the search index): they can be made while pages are planned.</summary>
    public static IReadOnlyList<DataFile> FromClaims(PlanningContext context)
    {
        DataFile? json = null, feed = null;
        IReadOnlyList<DataFile> search = [];
        Parallel.Invoke(() => json = ClaimsJson(context), () => feed = AtomFeed.Of(context), () => search = SearchIndex.Files(context));
        return [json!, feed!, .. search];
    }

    /// <summary>The files that list pages (the sitemap), robots.txt, and the editor's configuration.</summary>
    public static IReadOnlyList<DataFile> FromPages(PlanningContext context, IReadOnlyList<PagePlan> pages) =>
    [
        .. Sitemap(context, pages),
        Robots(context),
        .. EditorFiles.Publishes(context.Dossier.Site) ? [new DataFile(EditorFiles.ConfigPath, DecapConfig.Yaml(context.Dossier.Site))] : Array.Empty<DataFile>(),
    ];

    private static DataFile ClaimsJson(PlanningContext context)
    {
        var site = context.Dossier.Site;
        var json = JsonLd.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("title", site.Title);
            w.WriteStartArray("ratingScale");
            foreach (var rating in site.RatingScale.Ratings)
            {
                w.WriteStartObject();
                w.WriteString("key", rating.Key);
                w.WriteString("label", rating.Label);
                if (rating.Checkable)
                {
                    w.WriteNumber("ratingValue", rating.Value);
                }

                w.WriteBoolean("checkable", rating.Checkable);
                w.WriteString("description", rating.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("bestRating", site.RatingScale.Best);
            w.WriteNumber("worstRating", site.RatingScale.Worst);
            w.WriteStartArray("claims");
            w.WriteEndArray();
            w.WriteEndObject();
        }, compact: true);
        // The entries go into the claims array, last in the file: one claim a line, so that a diff shows which changed.
        var head = json[..^"[]}".Length] + "[";
        return PerClaim(context, "claims.json", context.Claims, claim => ClaimsJsonEntry(context, claim),
            entries => [head, .. entries.SelectMany((entry, i) => new[] { i == 0 ? "\n" : ",\n", entry }), "\n]}\n"]);
    }

    /// <summary>
    /// A file of one piece per published claim, in order, laid out between its other pieces by <paramref name="layout"/>:
    /// the last plan's piece of an unchanged claim, else written now.
    /// </summary>
    internal static DataFile PerClaim(PlanningContext context, string path, IEnumerable<ClaimView> claims, Func<ClaimView, string> write,
        Func<string[], IReadOnlyList<string>> layout)
    {
        var before = context.Reuse?.File(path)?.ClaimPieces;
        var published = claims.Where(c => !c.IsDraft).ToList();
        var pieces = new string[published.Count];
        Parallel.For(0, pieces.Length, i => pieces[i] = (context.IsUnchanged(published[i].Id) ? before?.GetValueOrDefault(published[i].Id) : null) ?? write(published[i]));
        return new DataFile(path, layout(pieces)) { ClaimPieces = Enumerable.Range(0, pieces.Length).ToDictionary(i => published[i].Id, i => pieces[i], StringComparer.Ordinal) };
    }

    /// <summary>One claim of claims.json, on a line of its own.</summary>
    private static string ClaimsJsonEntry(PlanningContext context, ClaimView claim) =>
        JsonLd.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", claim.Id);
                w.WriteString("url", claim.Url);
                w.WriteString("headline", claim.Headline);
                w.WriteString("speaker", claim.Statement.Speaker?.Name);
                w.WriteString("quote", claim.Statement.Quote);
                w.WriteString("said_on", claim.Statement.SaidOnIso);
                w.WriteString("rating", claim.Verdict.Rating);
                w.WriteStartArray("tags");
                foreach (var tag in claim.Tags)
                {
                    w.WriteStringValue(tag.Key);
                }

                w.WriteEndArray();
                w.WritePropertyName("claimReview");
                ClaimReviewBuilder.Write(w, context, claim);
                w.WriteEndObject();
            }, compact: true);

    /// <summary>sitemap.xml, and the files it is the index of when the site has more addresses than one sitemap holds.</summary>
    private static IReadOnlyList<DataFile> Sitemap(PlanningContext context, IReadOnlyList<PagePlan> pages) =>
        context.Reuse is { } reuse && SameSitemap(reuse.Last.Pages, pages) && reuse.File(Sitemaps.Index) is { } kept
            ? [kept, .. KeptParts(reuse)] // the same pages at the same addresses: sorting 10,000 of them again would give the same files
            : [.. Sitemaps.Of(pages.Where(InSitemap).OrderBy(p => p.Page.Url, StringComparer.Ordinal).Select(Loc),
                file => context.Absolute(context.Urls.File(file)) ?? context.Urls.File(file))
                .Select(f => new DataFile(f.Path, f.Xml))];

    private static IEnumerable<DataFile> KeptParts(PageReuse reuse) =>
        Enumerable.InfiniteSequence(1, 1).Select(n => reuse.File(Sitemaps.PartPath(n))).TakeWhile(part => part is not null).OfType<DataFile>();

    private static bool InSitemap(PagePlan page) =>
        page.Page.Kind is not ("not-found" or "redirect") && !(page.Values.GetValueOrDefault("claim") is Views.ClaimView { IsDraft: true });

    private static string Loc(PagePlan page) => page.Page.CanonicalUrl ?? page.Page.Url;

    private static bool SameSitemap(IReadOnlyList<PagePlan> before, IReadOnlyList<PagePlan> now) =>
        before.Count == now.Count && before.Zip(now, (then, page) => ReferenceEquals(then, page) || (InSitemap(then) == InSitemap(page)
            && string.Equals(then.Page.Url, page.Page.Url, StringComparison.Ordinal) && string.Equals(Loc(then), Loc(page), StringComparison.Ordinal))).All(same => same);

    private static DataFile Robots(PlanningContext context)
    {
        var sitemap = context.Absolute(context.Urls.File(Sitemaps.Index)); // the index, when the sitemap takes several files
        var text = "User-agent: *\nAllow: /\n" + (sitemap is null ? "" : $"Sitemap: {sitemap}\n");
        return new DataFile("robots.txt", text);
    }
}
