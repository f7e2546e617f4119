namespace FactDossier.Planning;

/// <summary>
/// The last plan's pages, found without a pass over all of them per question (at 10k claims there are 25,000): by URL,
/// by template, and by group (a person's pages, a tag's, a month's: the pages at and below <c>/people/p001/</c>, its
/// <c>page/</c> folder included). Made once per plan, in one pass.
/// </summary>
internal sealed class PlanIndex
{
    private readonly Dictionary<string, PagePlan> _byUrl;
    private readonly Dictionary<string, List<PagePlan>> _byTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PagePlan>> _byGroup = new(StringComparer.Ordinal);

    public PlanIndex(IReadOnlyList<PagePlan> pages, string basePath)
    {
        _byUrl = new(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            _byUrl[page.Page.Url] = page;
            Add(_byTemplate, page.Template, page);
            if (GroupOf(page.Page.Url, basePath) is { } group)
            {
                Add(_byGroup, group, page);
            }
        }
    }

    public PagePlan? At(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>The pages of one template, in the plan's order.</summary>
    public IReadOnlyList<PagePlan> OfTemplate(string template) => _byTemplate.GetValueOrDefault(template) ?? [];

    /// <summary>The pages of the group at <paramref name="url"/> (<c>/people/p001/</c>), in the plan's order.</summary>
    public IReadOnlyList<PagePlan>? Group(string url) => _byGroup.GetValueOrDefault(url);

    /// <summary>
    /// <c>/people/p001/page/2/</c> is in the group <c>/people/p001/</c>; a folder's own pages (<c>/people/</c>,
    /// <c>/people/page/2/</c>) are in none.
    /// </summary>
    private static string? GroupOf(string url, string basePath)
    {
        var folder = url.IndexOf('/', basePath.Length);
        var end = folder < 0 ? -1 : url.IndexOf('/', folder + 1);
        return end < 0 || url.AsSpan(folder + 1, end - folder - 1) is "page" ? null : url[..(end + 1)];
    }

    private static void Add(Dictionary<string, List<PagePlan>> index, string key, PagePlan page) =>
        (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(page);
}
