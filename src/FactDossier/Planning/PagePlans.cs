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
}
