using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// A share image per claim, per article and for the home page, planned only when the site has a base URL (og:image
/// must be absolute) and <c>share_cards</c> is on. Its path and alternative text are also what the pages' tags name.
/// </summary>
internal static class ShareCardPlanner
{
    public const int Width = 1200;
    public const int Height = 630;

    public static IReadOnlyList<ShareCardPlan> Plan(PlanningContext context)
    {
        if (!context.HasShareCards)
        {
            return [];
        }

        var site = context.Dossier.Site;
        var urls = context.Urls;
        // The home page's and an article's image show no claim: an edit to claims leaves them as they are.
        return
        [
            Card(context, ShareCards.Home(urls), new ShareCardView("home", site.Title, site.Title, null, null, null, null, null, site.Summary), PagePlans.NoClaim),
            .. context.Dossier.Articles.Select(article => Card(context, ShareCards.Article(urls, article.Id), new ShareCardView("article", article.Title, site.Title,
                null, null, article.Language, article.Publisher, context.Strings.FormatDate(article.Date), article.Summary), PagePlans.NoClaim)),
            .. context.Claims.Select(claim => Card(context, ShareCards.Claim(urls, claim.Id), new ShareCardView("claim", claim.Headline, site.Title, claim.Verdict.Label,
                claim.Statement.Quote, claim.Statement.Lang, claim.Statement.Speaker?.Name, claim.Statement.SaidOn, null) { VerdictLook = claim.Verdict.Look },
                new HashSet<string>(StringComparer.Ordinal) { claim.Id })),
        ];
    }

    private static ShareCardPlan Card(PlanningContext context, string url, ShareCardView card, IReadOnlySet<string> shows) =>
        new(context.Urls.OutputPathOf(url), new Dictionary<string, object?>(StringComparer.Ordinal) { ["card"] = card, ["t"] = context.Strings.All }, shows);
}

/// <summary>Where each share image goes.</summary>
internal static class ShareCards
{
    public static string Home(SiteUrls urls) => urls.File("share/home.png");

    public static string Article(SiteUrls urls, string id) => urls.File($"share/articles/{id}.png");

    public static string Claim(SiteUrls urls, string id) => urls.File($"share/claims/{id}.png");
}
