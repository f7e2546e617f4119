using System.Globalization;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

internal static class PagePlans
{
    /// <summary>A page plan whose values hold what every layout reads (site, t, page) plus the page's own.</summary>
    public static PagePlan Create(PlanningContext context, string template, PageView page, params (string Key, object? Value)[] values)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = context.Site,
            ["t"] = context.Strings.All,
            ["page"] = page,
        };
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        return new PagePlan(context.Urls.OutputPathOf(page.Url), template, page, all);
    }

    /// <summary>
    /// One page plan per page of a list: the first at <paramref name="listUrl"/>, titled <paramref name="title"/>, the
    /// others at <c>page/n/</c> below it, titled with their number. A list of more than one page also gets pages at
    /// <c>page/</c> and <c>page/1/</c> that send the reader to the first, so that no folder URL of the site is a 404.
    /// </summary>
    /// <param name="values">The template's values for the items of one page.</param>
    /// <param name="tracking">
    /// For one page: the claims it shows (null: it depends on all of them) and its <see cref="PagePlan.Signature"/>, which
    /// together tell the preview when to render it again, and when the last plan's page can be kept as it is.
    /// </param>
    /// <param name="listTitle">What the later pages are titled with their number, when not <paramref name="title"/>.</param>
    /// <param name="isKept">
    /// Whether an item is the one the last plan had in its place: a page of a list as long as the last plan's, each of
    /// whose items is the one the last plan had there, is the last plan's page, found without reading its items.
    /// </param>
    public static IEnumerable<PagePlan> Paged<T>(PlanningContext context, string template, string title, string listUrl, string kind, string? description,
        IReadOnlyList<T> items, int pageSize, Func<IReadOnlyList<T>, PagerView, (string Key, object? Value)[]> values,
        Func<IReadOnlyList<T>, PageNumber, (IReadOnlySet<string>? Shows, string? Signature)> tracking, string? listTitle = null,
        Func<T, T, bool>? isKept = null)
    {
        var count = Paginator.PageCount(items.Count, pageSize);
        var reuse = context.Reuse;
        var renewed = isKept is null || reuse is null ? null : PagesWithNewItems(reuse, listUrl, items, pageSize, isKept);
        // The first page always holds this plan's list, or none: one kept by its signature must not carry an older list forward.
        return Enumerable.Range(1, count).Select(number => number == 1 ? PageOf(1) with { ListItems = isKept is null ? null : items } : PageOf(number))
            .Concat(Redirects(context, title, listUrl, count));

        PagePlan PageOf(int number)
        {
            // A page planned from what it shows (a signature) last time, whose items are all the same: as it was.
            var url = Paginator.UrlOf(listUrl, number);
            if (renewed is not null && !renewed.Contains(number) && reuse!.At(url) is { Signature: not null } same && same.Template == template)
            {
                return same;
            }

            var slice = Paginator.Slice(items, pageSize, number, count);
            var (shows, signature) = tracking(slice, new PageNumber(number, count));
            // Its pager not even made when kept: at 10k claims the lists have thousands of pages.
            if (signature is not null && reuse?.Page(url, template, shows, signature) is { } kept)
            {
                return kept;
            }

            var pager = Paginator.Pager(number, count, listUrl);
            var page = context.Page(number == 1 ? title : $"{listTitle ?? title} ({context.Strings["page_of"]
                .Replace("{number}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{count}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)})", url, kind, description);
            return Create(context, template, page with { Pager = pager }, values(slice, pager)) with { Shows = shows, Signature = signature };
        }
    }

    /// <summary>Which page of how many a page of a list is.</summary>
    public readonly record struct PageNumber(int Number, int Count);

    /// <summary>With the last plan's list as long as this one: the pages that hold an item it did not have in that place.</summary>
    private static HashSet<int>? PagesWithNewItems<T>(PageReuse reuse, string listUrl, IReadOnlyList<T> items, int pageSize, Func<T, T, bool> isKept) =>
        reuse.At(listUrl)?.ListItems is IReadOnlyList<T> before && before.Count == items.Count
            ? [.. Enumerable.Range(0, items.Count).Where(i => !isKept(before[i], items[i])).Select(i => (i / pageSize) + 1)]
            : null;

    /// <summary>Every page of the list depends on all claims: the preview renders each again after any edit.</summary>
    public static (IReadOnlySet<string>?, string?) DependsOnAll<T>(IReadOnlyList<T> slice, PageNumber page) => (null, null);

    /// <summary>
    /// For a page of a list whose items each show some claims: it shows those claims, and its signature is the list's
    /// length, its page count, this page's items (by key) and <paramref name="context"/> (anything else it shows).
    /// </summary>
    /// <param name="keyOf">An item's key, in one or two parts (a day and a claim: no string made for each of 40,000 items).</param>
    public static (IReadOnlySet<string>?, string?) Showing<T>(IReadOnlyList<T> slice, PageNumber page, int itemCount, Func<T, (string, string?)> keyOf,
        Func<T, IEnumerable<string>> claimsOf, string context = "")
    {
        // The keys by a 64-bit FNV-1a hash: a signature is only compared with the same page's in the last plan.
        var hash = 14695981039346656037UL;
        static ulong Add(ulong hash, string text, char end)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return (hash ^ end) * 1099511628211UL;
        }

        var shows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in slice)
        {
            var (key, more) = keyOf(item);
            hash = Add(more is null ? hash : Add(hash, key, '/'), more ?? key, ' ');
            shows.UnionWith(claimsOf(item));
        }

        return (shows, $"{context}|{itemCount}/{page.Count}:{hash:x16}");
    }

    /// <summary>
    /// As <see cref="Paged{T}"/> for a list of claims whose pages show nothing else that depends on other claims: each
    /// page shows its own claims, and is rendered again when one of them changed or when the list moved them.
    /// </summary>
    /// <param name="firstShowsAll">The first page also shows counts over every claim (the home page's scale and topics).</param>
    /// <param name="pageSize">Claims a page (default: <c>pagination.claims</c>, the cards' size).</param>
    public static IEnumerable<PagePlan> PagedClaims(PlanningContext context, string template, string title, string listUrl, string kind, string? description,
        IReadOnlyList<ClaimView> claims, Func<IReadOnlyList<ClaimView>, PagerView, (string Key, object? Value)[]> values, string? listTitle = null,
        bool firstShowsAll = false, int? pageSize = null) =>
        Paged(context, template, title, listUrl, kind, description, claims, pageSize ?? context.Dossier.Site.Pagination.Claims, values,
            (slice, page) => firstShowsAll && page.Number == 1 ? DependsOnAll(slice, page) : Showing(slice, page, claims.Count, c => (c.Id, null), c => [c.Id]),
            listTitle, (then, now) => then.Id == now.Id && context.IsUnchanged(now.Id));

    // Its canonical address is the list's: search engines index the list, not the folder that sends to it.
    private static IEnumerable<PagePlan> Redirects(PlanningContext context, string title, string listUrl, int pageCount) =>
        (pageCount > 1 ? [$"{listUrl}page/", $"{listUrl}page/1/"] : Array.Empty<string>()).Select(url =>
            Create(context, "redirect", new PageView(title, url, context.Absolute(listUrl), null, "redirect") { RedirectUrl = listUrl }) with { Shows = NoClaim });

    /// <summary>The claims a page shows when it shows none of them.</summary>
    public static IReadOnlySet<string> NoClaim { get; } = new HashSet<string>();
}
