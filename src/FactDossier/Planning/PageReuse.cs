using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// The one place that decides what a plan keeps of the last plan, when only claims changed since (<see cref="Model.Delta"/>):
/// <list type="bullet">
/// <item>a page at the same URL, with the same template and signature, that shows no changed claim, then or now (<see cref="Page"/>);</item>
/// <item>a group of pages under one URL (a person's, a tag's, a month's, an article's) whose key no changed claim has,
/// then or now (<see cref="Group"/>): kept whole, without a look at its items;</item>
/// <item>a view made from things no changed claim touched (a timeline day, a source's entry), which planners find with
/// <see cref="Value{T}"/> and <see cref="Items{T}"/> so that its rendered fragment is kept too.</item>
/// </list>
/// The exception, named where it is: an edited claim's article keeps the paragraphs no changed claim marks (<see cref="ArticlePlanner"/>).
/// </summary>
/// <param name="now">This plan's claims by id.</param>
public sealed class PageReuse(SitePlan last, IReadOnlySet<string> changed, IReadOnlyDictionary<string, ClaimView> now, string basePath)
{
    private readonly Lazy<PlanIndex> _pages = new(() => last.Context!.PageIndex?.Value ?? new PlanIndex(last.Pages, basePath));

    public SitePlan Last { get; } = last;

    /// <summary>What the last plan was made from.</summary>
    public PlanningContext Before => Last.Context!;

    /// <summary>The claims changed since (<see cref="Model.Delta.Claims"/>): their views are new, every other claim kept its own.</summary>
    public IReadOnlySet<string> Changed { get; } = changed;

    public bool IsUnchanged(string claimId) => !Changed.Contains(claimId);

    /// <summary>The keys the changed claims have now or had then (their tags, articles, speakers…): the groups to make again.</summary>
    public HashSet<string> Touched(Func<ClaimView, IEnumerable<string>> keysOf) =>
        Changed.SelectMany(id => new[] { now.GetValueOrDefault(id), Before.ClaimsById.GetValueOrDefault(id) }).OfType<ClaimView>().SelectMany(keysOf)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The last plan's page at <paramref name="url"/>, if it is this page: same template and signature, and no changed claim shown then or now.</summary>
    /// <param name="shows">The claims the page shows now (null: counts over every claim, never kept).</param>
    public PagePlan? Page(string url, string template, IReadOnlySet<string>? shows, string? signature) =>
        shows is not null && At(url) is { Shows: { } then } page && page.Template == template && string.Equals(page.Signature, signature, StringComparison.Ordinal)
        && !then.Overlaps(Changed) && !shows.Overlaps(Changed) ? page : null;

    /// <summary>The last plan's page of one unchanged claim (its own page): no set of one made for each of 10,000 claims.</summary>
    public PagePlan? Page(string url, string template, string claimId) =>
        IsUnchanged(claimId) && At(url) is { Signature: null, Shows: { Count: 1 } then } page && page.Template == template && then.Contains(claimId) ? page : null;

    /// <summary>
    /// The last plan's pages below <paramref name="folderUrl"/> under <paramref name="key"/> (a person's pages, those of
    /// its <c>page/</c> folder included), unless the group is <paramref name="touched"/>: a changed claim is in it, now or then.
    /// </summary>
    public IReadOnlyList<PagePlan>? Group(string folderUrl, string key, bool touched) => touched ? null : _pages.Value.Group($"{folderUrl}{key}/");

    public PagePlan? At(string url) => _pages.Value.At(url);

    /// <summary>The last plan's pages of one template, each with the view it was planned from (its value of that name).</summary>
    public IEnumerable<(T View, PagePlan Page)> Views<T>(string template)
        where T : class =>
        _pages.Value.OfTemplate(template).Where(p => p.Values.GetValueOrDefault(template) is T).Select(p => ((T)p.Values[template]!, p));

    /// <summary>A value of the last plan's page of one template (a list's first page), when there is one.</summary>
    public T? Value<T>(string template, string key)
        where T : class =>
        _pages.Value.OfTemplate(template) is [var first, ..] ? first.Values.GetValueOrDefault(key) as T : null;

    /// <summary>The items of a list the last plan cut into pages of one template: each page's value of that name, joined.</summary>
    public IEnumerable<T> Items<T>(string template, string key) =>
        _pages.Value.OfTemplate(template).SelectMany(p => p.Values.GetValueOrDefault(key) as IEnumerable<T> ?? []);

    public DataFile? File(string outputPath) => Last.Files.FirstOrDefault(f => f.OutputPath == outputPath);
}
