using FactDossier.Anchoring;
using FactDossier.Model;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>What every page planner shares: the anchored dossier, the URLs, the words, and the claims already shaped for display.</summary>
public sealed class PlanningContext
{
    /// <param name="delta">What changed since the last build: with only claims changed, the others keep their views.</param>
    /// <param name="previousPlan">The last build's plan, when only claims changed: its views and pages of unchanged claims are kept.</param>
    public PlanningContext(AnchoredDossier anchored, UiStrings strings, SiteUrls urls, MarkdownRenderer markdown, Delta? delta = null, SitePlan? previousPlan = null)
    {
        (Anchored, Strings, Urls, Markdown) = (anchored, strings, urls, markdown);
        People = Dossier.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Articles = Dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Sources = Dossier.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        TagCounts = delta?.TagCounts ?? Delta.TagCountsOf(Dossier.Claims);
        var before = delta is { OnlyClaims: true } ? previousPlan?.Context : null;
        var models = Dossier.Claims;
        // An unchanged claim keeps the last plan's view; the others are made side by side (Markdown is most of the work).
        var claims = models.Select(m => before is not null && !delta!.Touches(m.Id) ? before.ClaimsById.GetValueOrDefault(m.Id) : null).ToArray();
        var toBuild = Enumerable.Range(0, claims.Length).Where(i => claims[i] is null).ToList();
        var builder = new ClaimViewBuilder(this);
        Parallel.ForEach(toBuild, i => claims[i] = builder.Build(models[i]));
        Claims = claims!;
        ClaimsById = before is null ? Claims.ToDictionary(c => c.Id, StringComparer.Ordinal) : Renewed(before.ClaimsById, delta!.Claims!, toBuild.Select(i => Claims[i]));
        Reuse = before is null ? null : new PageReuse(previousPlan!, delta!.Claims!, ClaimsById, urls.BasePath);
        ClaimsInReadingOrder = Reuse is { } reuse && KeepsReadingOrder(reuse) ? InReadingOrderAsBefore(reuse) : InReadingOrder();
        (QuotesBySpeaker, QuotesByDay, CitationsBySource, Tally) = Counts(Reuse);
        Site = BuildSite();
    }

    /// <summary>The last plan's views by id, with the changed claims put right: no 10,000-claim dictionary made again for one edit.</summary>
    private static Dictionary<string, ClaimView> Renewed(IReadOnlyDictionary<string, ClaimView> before, IReadOnlySet<string> changed, IEnumerable<ClaimView> built)
    {
        var byId = new Dictionary<string, ClaimView>(before, StringComparer.Ordinal);
        foreach (var id in changed)
        {
            byId.Remove(id);
        }

        foreach (var claim in built)
        {
            byId[claim.Id] = claim;
        }

        return byId;
    }

    /// <summary>What the planners read of every claim, made side by side: from the last plan's while only claims changed.</summary>
    private (ClaimGrouping<ListedQuoteView>, ClaimGrouping<ListedQuoteView>, ClaimGrouping<(SourceView, ClaimView)>, ClaimTally) Counts(PageReuse? reuse)
    {
        ClaimGrouping<ListedQuoteView>? bySpeaker = null, byDay = null;
        ClaimGrouping<(SourceView, ClaimView)>? bySource = null;
        ClaimTally? tally = null;
        var before = reuse?.Before;
        Parallel.Invoke(
            () => bySpeaker = ClaimGrouping.Of(Claims, c => c.Listed.Where(e => e.Quote.Speaker is not null).Select(e => (e.Quote.Speaker!.Id, e)), before?.QuotesBySpeaker, reuse),
            () => byDay = ClaimGrouping.Of(Claims, c => c.Listed.Where(e => e.Quote.SaidOnIso is not null).Select(e => (e.Quote.SaidOnIso!, e)), before?.QuotesByDay, reuse),
            () => bySource = ClaimGrouping.Of(Claims, c => c.Sources.Select(s => (s.Id, (s, c))), before?.CitationsBySource, reuse),
            () => tally = before is null ? ClaimTally.Of(Claims) : ClaimTally.Update(before.Tally,
                reuse!.Changed.Select(before.ClaimsById.GetValueOrDefault).OfType<ClaimView>(), reuse.Changed.Select(ClaimsById.GetValueOrDefault).OfType<ClaimView>()));
        return (bySpeaker!, byDay!, bySource!, tally!);
    }

    private ClaimView[] InReadingOrder() =>
        [.. Claims
            .OrderBy(c => Anchored.AnchorOf(c.Id, 0) is null ? 1 : 0)
            .ThenBy(c => Anchored.AnchorOf(c.Id, 0)?.ArticleId ?? "", StringComparer.Ordinal)
            .ThenBy(c => Anchored.AnchorOf(c.Id, 0)?.Start ?? 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>The last reading order, each changed claim's view put in its place.</summary>
    private ClaimView[] InReadingOrderAsBefore(PageReuse reuse) =>
        [.. reuse.Before.ClaimsInReadingOrder.Select(c => reuse.Changed.Contains(c.Id) ? ClaimsById[c.Id] : c)];

    /// <summary>
    /// Whether the last plan's reading order still holds: the same claims, each changed one still first quoted at the same
    /// place (an unchanged claim's place cannot move while the articles are the same).
    /// </summary>
    private bool KeepsReadingOrder(PageReuse reuse) =>
        reuse.Before.Claims.Count == Claims.Count
        && reuse.Changed.All(id => ClaimsById.ContainsKey(id) && reuse.Before.ClaimsById.ContainsKey(id)
            && ReadingPlace(Anchored, id) == ReadingPlace(reuse.Before.Anchored, id));

    private static (string? Article, int Start) ReadingPlace(AnchoredDossier anchored, string claimId) =>
        anchored.AnchorOf(claimId, 0) is { } anchor ? (anchor.ArticleId, anchor.Start) : (null, 0);

    /// <summary>
    /// This context without the last plan, once its own plan is made: what the next plan needs of it, with an index of
    /// the plan's pages (made when first asked for: the preview asks while it waits for the next edit), and not the
    /// chain of every plan before it.
    /// </summary>
    public PlanningContext ForNextPlan(IReadOnlyList<PagePlan> pages)
    {
        var next = (PlanningContext)MemberwiseClone();
        (next.Reuse, next.PageIndex) = (null, new(() => new PlanIndex(pages, Urls.BasePath)));
        return next;
    }

    /// <summary>Kept for the next plan: the index of this context's plan's pages.</summary>
    internal Lazy<PlanIndex>? PageIndex { get; private set; }

    /// <summary>Each speaker's statements and counter-statements.</summary>
    public ClaimGrouping<ListedQuoteView> QuotesBySpeaker { get; }

    /// <summary>Each day's statements and counter-statements.</summary>
    public ClaimGrouping<ListedQuoteView> QuotesByDay { get; }

    /// <summary>Each source's citations: the source as the claim cites it, and the claim.</summary>
    public ClaimGrouping<(SourceView Source, ClaimView Claim)> CitationsBySource { get; }

    /// <summary>Counts over every claim: verdicts, speakers, answers.</summary>
    public ClaimTally Tally { get; }

    public AnchoredDossier Anchored { get; }

    public Dossier Dossier => Anchored.Dossier;

    public UiStrings Strings { get; }

    public SiteUrls Urls { get; }

    public MarkdownRenderer Markdown { get; }

    public IReadOnlyDictionary<string, Person> People { get; }

    public IReadOnlyDictionary<string, Article> Articles { get; }

    public IReadOnlyDictionary<string, Source> Sources { get; }

    public IReadOnlyDictionary<string, int> TagCounts { get; }

    public IReadOnlyList<ClaimView> Claims { get; }

    public IReadOnlyDictionary<string, ClaimView> ClaimsById { get; }

    /// <summary>Claims in the order the articles tell them: by the position of their statement, unanchored ones last.</summary>
    public IReadOnlyList<ClaimView> ClaimsInReadingOrder { get; }

    public SiteView Site { get; }

    /// <summary>What this plan keeps of the last one (null: a plan from scratch).</summary>
    public PageReuse? Reuse { get; private set; }

    /// <summary>Whether a claim's view is the one the last plan had (the claim, and what its card shows, did not change).</summary>
    public bool IsUnchanged(string claimId) => Reuse?.IsUnchanged(claimId) == true;

    /// <summary>The absolute URL of a page, when the site settings give a base URL.</summary>
    public string? Absolute(string url) =>
        Dossier.Site.BaseUrl is { } baseUrl ? new Uri(baseUrl, url).AbsoluteUri : null;

    public PageView Page(string title, string url, string kind, string? description = null) =>
        new(title, url, Absolute(url), description, kind)
        {
            ShareImageUrl = HasShareCards ? Absolute(ShareCards.Home(Urls)) : null,
            ShareImageAlt = HasShareCards ? Strings["share_image_alt_home"].Replace("{title}", Dossier.Site.Title, StringComparison.Ordinal) : null,
        };

    /// <summary>A claim's page shares the claim's own image.</summary>
    public PageView SharedAs(PageView page, ClaimView claim) => !HasShareCards ? page : page with
    {
        ShareImageUrl = Absolute(ShareCards.Claim(Urls, claim.Id)),
        ShareImageAlt = Strings["share_image_alt_claim"]
            .Replace("{verdict}", claim.Verdict.Label, StringComparison.Ordinal)
            .Replace("{quote}", Text.TextLines.Wrap(claim.Statement.Quote ?? claim.Headline, 240, 1) is [var line, ..] ? line : "", StringComparison.Ordinal)
            .Replace("{speaker}", claim.Statement.Speaker?.Name ?? "", StringComparison.Ordinal)
            .Replace("{date}", claim.Statement.SaidOn ?? "", StringComparison.Ordinal),
    };

    /// <summary>An article's page shares the article's own image.</summary>
    public PageView SharedAs(PageView page, Article article) => !HasShareCards ? page : page with
    {
        ShareImageUrl = Absolute(ShareCards.Article(Urls, article.Id)),
        ShareImageAlt = Strings["share_image_alt_article"].Replace("{title}", article.Title, StringComparison.Ordinal),
    };

    /// <summary>Share images are made, and named by the pages' tags, only for a site with an address (og:image is absolute).</summary>
    public bool HasShareCards => Dossier.Site.ShareCards && Dossier.Site.BaseUrl is not null;

    public PersonRef PersonRef(Person p) => new(p.Id, p.Name, p.Role, Urls.Person(p.Id));

    public ArticleRef ArticleRef(Article a) =>
        new(a.Id, a.Title, Urls.Article(a.Id), Strings.FormatDate(a.Date), UiStrings.Iso(a.Date), a.Publisher, a.PublisherNote,
            a.Url?.AbsoluteUri, a.Language);

    public VerdictView Verdict(Verdict verdict)
    {
        var explanation = verdict.Explanation is null ? null : Markdown.ToHtml(verdict.Explanation);
        return Dossier.Site.RatingScale.Find(verdict.Rating.Value) is { } rating
            ? new VerdictView(rating.Key, rating.Label, rating.Value, rating.Description, verdict.Summary, explanation) { Checkable = rating.Checkable, Look = Dossier.Site.RatingScale.LookOf(rating) }
            : new VerdictView("todo", Strings["rating_todo"], 0, Strings["rating_todo_description"], verdict.Summary, explanation) { Look = RatingLook.Draft }; // a draft
    }

    /// <summary>Beyond this many articles the navigation points to the home page's list instead of naming each one.</summary>
    private const int MaxArticlesInNav = 3;

    private SiteView BuildSite()
    {
        var s = Dossier.Site;
        var t = Strings;
        LinkView[] articles = Dossier.Articles.Length > MaxArticlesInNav
            ? [new(t["nav_articles"], $"{Urls.Home}#articles")]
            : [.. Dossier.Articles.Select(a => new LinkView(Dossier.Articles.Length == 1 ? t["nav_article"] : a.Title, Urls.Article(a.Id)))];
        List<LinkView> nav =
        [
            new(t["nav_claims"], Urls.Home), .. articles, new(t["nav_people"], Urls.People), new(t["nav_sources"], Urls.Sources),
            new(t["nav_timeline"], Urls.Timeline), new(t["nav_tags"], Urls.Tags), .. Dossier.Pages.Select(p => new LinkView(p.Title, Urls.Page(p.Slug))),
        ];
        return new SiteView(s.Title, s.Summary, s.Language, s.Publisher.Name, s.Publisher.Url?.AbsoluteUri, Urls.Home,
            Urls.Asset("site.css"), Urls.Asset("favicon.svg"), Urls.Asset("site.js"), Urls.File("feed.xml"), nav, SiteView.LocaleOf(s.Language));
    }
}
