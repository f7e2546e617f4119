using FactDossier.Anchoring;
using FactDossier.Model;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>What every page planner shares: the anchored dossier, the URLs, the words, and the claims already shaped for display.</summary>
public sealed class PlanningContext
{
    private readonly Lazy<ClaimGrouping<ListedQuoteView>> _quotesBySpeaker;
    private readonly Lazy<ClaimGrouping<ListedQuoteView>> _quotesByDay;
    private readonly Lazy<ClaimGrouping<(SourceView Source, ClaimView Claim)>> _citationsBySource;
    private readonly Lazy<PlanIndex?> _previousPages;
    private readonly Lazy<ClaimTally> _tally;

    /// <summary>The claims the views were made from, for the next plan to tell which are the very same objects.</summary>
    private readonly Dictionary<string, Claim> _modelsById;

    /// <param name="previous">
    /// The preview's last plan: a claim that has not changed, in a dossier whose other files have not changed, keeps
    /// its view (and so its rendered card) unless the count of one of its tags changed.
    /// </param>
    public PlanningContext(AnchoredDossier anchored, UiStrings strings, SiteUrls urls, MarkdownRenderer markdown, SitePlan? previousPlan = null)
    {
        var previous = previousPlan?.Context;
        Anchored = anchored;
        Strings = strings;
        Urls = urls;
        Markdown = markdown;
        People = Dossier.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Articles = Dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Sources = Dossier.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var reusable = previous is not null && previous.HasSameSettingsAs(this) ? previous : null;
        var models = Dossier.Claims;
        var claims = new ClaimView[models.Length];
        List<int> toBuild;
        if (reusable is null)
        {
            TagCounts = CountTags(models);
            toBuild = [.. Enumerable.Range(0, models.Length)];
        }
        else
        {
            PreviousPlan = previousPlan;
            (TagCounts, toBuild, ChangedClaims) = Reuse(reusable, claims);
        }

        var builder = new ClaimViewBuilder(this);
        Parallel.ForEach(toBuild, i => claims[i] = builder.Build(models[i])); // Markdown is most of the work
        Claims = claims;
        if (reusable is null)
        {
            ClaimsById = claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
            _modelsById = models.ToDictionary(c => c.Id, StringComparer.Ordinal);
        }
        else
        {
            // The last plan's, with the changed claims put right: no 10,000-claim dictionary made again for one edit.
            var byId = new Dictionary<string, ClaimView>(reusable.ClaimsById, StringComparer.Ordinal);
            _modelsById = new Dictionary<string, Claim>(reusable._modelsById, StringComparer.Ordinal);
            foreach (var id in ChangedClaims!)
            {
                byId.Remove(id);
                _modelsById.Remove(id);
            }

            foreach (var i in toBuild)
            {
                byId[claims[i].Id] = claims[i];
                _modelsById[models[i].Id] = models[i];
            }

            ClaimsById = byId;
        }

        var before = PreviousPlan?.Context;
        _quotesBySpeaker = new(() => ClaimGrouping.Of(Claims,
            c => c.Listed.Where(e => e.Quote.Speaker is not null).Select(e => (e.Quote.Speaker!.Id, e)), Previous(before?.QuotesBySpeaker)));
        _quotesByDay = new(() => ClaimGrouping.Of(Claims,
            c => c.Listed.Where(e => e.Quote.SaidOnIso is not null).Select(e => (e.Quote.SaidOnIso!, e)), Previous(before?.QuotesByDay)));
        _citationsBySource = new(() => ClaimGrouping.Of(Claims,
            c => c.Sources.Select(s => (s.Id, (s, c))), Previous(before?.CitationsBySource)));
        _previousPages = new(() => PreviousPlan is null ? null : PreviousPlan.Context?.PageIndex?.Value ?? new PlanIndex(PreviousPlan.Pages, Urls.BasePath));
        _tally = new(() => before is not null && ChangedClaims is { } edited
            ? ClaimTally.Update(before.Tally, edited.Select(before.ClaimsById.GetValueOrDefault).OfType<ClaimView>(), edited.Select(ClaimsById.GetValueOrDefault).OfType<ClaimView>())
            : ClaimTally.Of(Claims));
        ClaimsInReadingOrder = before is not null && ChangedClaims is { } changedClaims && KeepsReadingOrder(before, changedClaims)
            ? InReadingOrderAsBefore(before, changedClaims)
            : [.. Claims
                .OrderBy(c => Anchored.AnchorOf(c.Id, 0) is null ? 1 : 0)
                .ThenBy(c => Anchored.AnchorOf(c.Id, 0)?.ArticleId ?? "", StringComparer.Ordinal)
                .ThenBy(c => Anchored.AnchorOf(c.Id, 0)?.Start ?? 0)
                .ThenBy(c => c.Id, StringComparer.Ordinal)];
        Site = BuildSite();
    }

    /// <summary>
    /// From the last context: each claim it had, as the very same object, keeps its view, unless the count of one of its
    /// tags changed (its card shows it). Returns the tag counts, the claims whose view must be made, and the ids of those
    /// and of the claims gone.
    /// </summary>
    private (Dictionary<string, int> TagCounts, List<int> ToBuild, HashSet<string> Changed) Reuse(PlanningContext before, ClaimView[] claims)
    {
        var models = Dossier.Claims;
        var toBuild = new List<int>();
        for (var i = 0; i < models.Length; i++)
        {
            if (before._modelsById.TryGetValue(models[i].Id, out var model) && ReferenceEquals(model, models[i]))
            {
                claims[i] = before.ClaimsById[model.Id];
            }
            else
            {
                toBuild.Add(i);
            }
        }

        var changed = toBuild.Select(i => models[i].Id).ToHashSet(StringComparer.Ordinal);
        // Ids are unique (validation): as many claims as before, each new one under an id the last plan had, means none went.
        if (models.Length != before.Claims.Count || !changed.All(before.ClaimsById.ContainsKey))
        {
            var now = models.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            changed.UnionWith(before.ClaimsById.Keys.Where(id => !now.Contains(id)));
        }

        // The last counts, less the changed claims' tags as they were, plus the new ones' as they are.
        var counts = new Dictionary<string, int>(before.TagCounts, StringComparer.Ordinal);
        var recounted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in changed)
        {
            foreach (var tag in before.ClaimsById.GetValueOrDefault(id)?.Tags ?? [])
            {
                recounted.Add(tag.Key);
                if (--counts[tag.Key] == 0)
                {
                    counts.Remove(tag.Key);
                }
            }
        }

        foreach (var i in toBuild)
        {
            foreach (var tag in models[i].Tags)
            {
                recounted.Add(tag);
                counts[tag] = counts.GetValueOrDefault(tag) + 1;
            }
        }

        recounted.RemoveWhere(tag => counts.GetValueOrDefault(tag) == before.TagCounts.GetValueOrDefault(tag));
        if (recounted.Count > 0)
        {
            for (var i = 0; i < models.Length; i++)
            {
                if (claims[i] is not null && models[i].Tags.Any(recounted.Contains))
                {
                    claims[i] = null!;
                    toBuild.Add(i);
                    changed.Add(models[i].Id);
                }
            }
        }

        return (counts, toBuild, changed);
    }

    private static Dictionary<string, int> CountTags(IEnumerable<Claim> claims)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in claims.SelectMany(c => c.Tags))
        {
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
        }

        return counts;
    }

    /// <summary>The last reading order, each changed claim's view put in its place.</summary>
    private ClaimView[] InReadingOrderAsBefore(PlanningContext before, IReadOnlySet<string> changed)
    {
        var order = before.ClaimsInReadingOrder.ToArray();
        var old = changed.Select(before.ClaimsById.GetValueOrDefault).OfType<ClaimView>().ToHashSet(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < order.Length; i++)
        {
            if (old.Contains(order[i]))
            {
                order[i] = ClaimsById[order[i].Id];
            }
        }

        return order;
    }

    private PlanningContext(PlanningContext context, IReadOnlyList<PagePlan> pages)
    {
        (Anchored, Strings, Urls, Markdown) = (context.Anchored, context.Strings, context.Urls, context.Markdown);
        (People, Articles, Sources, TagCounts) = (context.People, context.Articles, context.Sources, context.TagCounts);
        (Claims, ClaimsById, ClaimsInReadingOrder, Site, _modelsById) = (context.Claims, context.ClaimsById, context.ClaimsInReadingOrder, context.Site, context._modelsById);
        ChangedClaims = context.ChangedClaims;
        // Made now, so that nothing still points at the last plan through the groupings' factories.
        (_quotesBySpeaker, _quotesByDay, _citationsBySource) = (new(context.QuotesBySpeaker), new(context.QuotesByDay), new(context.CitationsBySource));
        _tally = new(context.Tally);
        _previousPages = new((PlanIndex?)null);
        PageIndex = new(() => new PlanIndex(pages, Urls.BasePath));
    }

    /// <summary>
    /// This context without the last plan, once its own plan is made: what the next plan needs of it (with an index of
    /// the plan's pages), without the chain of every plan before (the preview keeps one plan, not all of them).
    /// </summary>
    public PlanningContext ForNextPlan(IReadOnlyList<PagePlan> pages) => new(this, pages);

    /// <summary>
    /// Kept for the next plan: the index of this context's plan's pages, made when first asked for (the preview asks
    /// while it waits for the next edit).
    /// </summary>
    internal Lazy<PlanIndex>? PageIndex { get; }

    /// <summary>
    /// Whether the last plan's reading order still holds: the same claims, each edited one still first quoted at the same
    /// place (an unchanged claim's place cannot move while the articles are the same objects).
    /// </summary>
    private bool KeepsReadingOrder(PlanningContext before, IReadOnlySet<string> changed) =>
        before.Claims.Count == Claims.Count
        && changed.All(id => ClaimsById.ContainsKey(id) && before.ClaimsById.ContainsKey(id)
            && ReadingPlace(Anchored, id) == ReadingPlace(before.Anchored, id));

    private static (string? Article, int Start) ReadingPlace(AnchoredDossier anchored, string claimId) =>
        anchored.AnchorOf(claimId, 0) is { } anchor ? (anchor.ArticleId, anchor.Start) : (null, 0);

    private (ClaimGrouping<T>, IReadOnlyDictionary<string, ClaimView>, IReadOnlySet<string>)? Previous<T>(ClaimGrouping<T>? grouping) =>
        grouping is not null && PreviousPlan?.Context is { } before && ChangedClaims is { } changed ? (grouping, before.ClaimsById, changed) : null;

    /// <summary>Each speaker's statements and counter-statements.</summary>
    public ClaimGrouping<ListedQuoteView> QuotesBySpeaker => _quotesBySpeaker.Value;

    /// <summary>Each day's statements and counter-statements.</summary>
    public ClaimGrouping<ListedQuoteView> QuotesByDay => _quotesByDay.Value;

    /// <summary>Each source's citations: the source as the claim cites it, and the claim.</summary>
    public ClaimGrouping<(SourceView Source, ClaimView Claim)> CitationsBySource => _citationsBySource.Value;

    /// <summary>Counts over every claim: verdicts, speakers, answers.</summary>
    public ClaimTally Tally => _tally.Value;

    /// <summary>
    /// With a last plan to reuse: the ids of the claims edited, added or removed since, or whose card shows a changed
    /// tag count (their views are new; every other claim kept its view).
    /// </summary>
    public IReadOnlySet<string>? ChangedClaims { get; }

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


    /// <summary>The preview's last plan, when everything but the claims is the same: its pages for unchanged claims can be kept.</summary>
    public SitePlan? PreviousPlan { get; }

    /// <summary>The previous plan's pages of one template, each with the view it was planned from (its value of that name).</summary>
    public IEnumerable<(T View, PagePlan Page)> PreviousPages<T>(string template)
        where T : class =>
        (_previousPages.Value?.OfTemplate(template) ?? []).Where(p => p.Values.GetValueOrDefault(template) is T)
            .Select(p => ((T)p.Values[template]!, p));

    /// <summary>A value of the previous plan's page of one template (a list page: there is one), when there is one.</summary>
    public T? PreviousValue<T>(string template, string key)
        where T : class =>
        _previousPages.Value?.OfTemplate(template) is [var first, ..] ? first.Values.GetValueOrDefault(key) as T : null;

    /// <summary>
    /// The previous plan's pages below a folder (<c>/people/</c>), by their first segment under it (a person's id):
    /// each person's pages, the pages of its <c>page/</c> folder included. The folder's own <c>page/</c> is left out.
    /// </summary>
    public IReadOnlyDictionary<string, List<PagePlan>> PreviousPagesUnder(string folderUrl) =>
        _previousPages.Value?.Under(folderUrl) ?? new Dictionary<string, List<PagePlan>>();

    /// <summary>The previous plan's page at a URL, if it had one.</summary>
    public PagePlan? PreviousPageAt(string url) => _previousPages.Value?.At(url);

    /// <summary>The items of a list the previous plan cut into pages of one template: each page's value of that name, joined.</summary>
    public IEnumerable<T> PreviousItems<T>(string template, string key) =>
        (_previousPages.Value?.OfTemplate(template) ?? []).SelectMany(p => p.Values.GetValueOrDefault(key) as IEnumerable<T> ?? []);

    /// <summary>Whether a claim's view is the one the previous plan had (the claim, and what its card shows, did not change).</summary>
    public bool IsUnchanged(string claimId) => ChangedClaims is { } changed && !changed.Contains(claimId);

    /// <summary>Whether everything but the claims is the same: the same loaded objects, words and URLs.</summary>
    public bool HasSameSettingsAs(PlanningContext other) =>
        ReferenceEquals(Dossier.Site, other.Dossier.Site)
        && ReferenceEquals(Strings, other.Strings)
        && Urls.BasePath == other.Urls.BasePath
        && Same(Dossier.Articles, other.Dossier.Articles)
        && Same(Dossier.People, other.Dossier.People)
        && Same(Dossier.Sources, other.Dossier.Sources)
        && Same(Dossier.Pages, other.Dossier.Pages);

    private static bool Same<T>(IEnumerable<T> a, IEnumerable<T> b)
        where T : class => Enumerable.SequenceEqual(a, b, ReferenceEqualityComparer.Instance);

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
        var nav = new List<LinkView>
        {
            new(t["nav_claims"], Urls.Home),
        };
        if (Dossier.Articles.Length > MaxArticlesInNav)
        {
            nav.Add(new LinkView(t["nav_articles"], $"{Urls.Home}#articles"));
        }
        else
        {
            nav.AddRange(Dossier.Articles.Select(a => new LinkView(Dossier.Articles.Length == 1 ? t["nav_article"] : a.Title, Urls.Article(a.Id))));
        }

        nav.Add(new LinkView(t["nav_people"], Urls.People));
        nav.Add(new LinkView(t["nav_sources"], Urls.Sources));
        nav.Add(new LinkView(t["nav_timeline"], Urls.Timeline));
        nav.Add(new LinkView(t["nav_tags"], Urls.Tags));
        nav.AddRange(Dossier.Pages.Select(p => new LinkView(p.Title, Urls.Page(p.Slug))));
        return new SiteView(s.Title, s.Summary, s.Language, s.Publisher.Name, s.Publisher.Url?.AbsoluteUri, Urls.Home,
            Urls.Asset("site.css"), Urls.Asset("favicon.svg"), Urls.Asset("site.js"), Urls.File("feed.xml"), nav, SiteView.LocaleOf(s.Language));
    }
}
