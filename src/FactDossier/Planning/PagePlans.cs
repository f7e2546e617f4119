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
    /// <param name="listTitle">What the later pages are titled with their number, when not <paramref name="title"/>.</param>
    public static IEnumerable<PagePlan> Paged<T>(PlanningContext context, string template, string title, string listUrl, string kind, string? description,
        IReadOnlyList<T> items, int pageSize, Func<IReadOnlyList<T>, (string Key, object? Value)[]> values, IReadOnlySet<string>? shows, string? listTitle = null)
    {
        var pages = Paginator.Paginate(items, pageSize, listUrl);
        foreach (var (slice, pager) in pages)
        {
            var pageTitle = pager.Number == 1 ? title : $"{listTitle ?? title} ({PageOf(context, pager)})";
            var page = context.Page(pageTitle, Paginator.UrlOf(listUrl, pager.Number), kind, description) with { Pager = pager };
            yield return Create(context, template, page, values(slice)) with { Shows = shows };
        }

        if (pages.Count > 1)
        {
            foreach (var url in new[] { $"{listUrl}page/", $"{listUrl}page/1/" })
            {
                yield return Create(context, "redirect", context.Page(title, url, "redirect") with { RedirectUrl = listUrl }) with { Shows = NoClaim };
            }
        }
    }

    public static string PageOf(PlanningContext context, PagerView pager) =>
        context.Strings["page_of"]
            .Replace("{number}", pager.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{count}", pager.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The claims a page shows when it shows none of them.</summary>
    public static IReadOnlySet<string> NoClaim { get; } = new HashSet<string>();
}
