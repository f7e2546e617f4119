namespace FactDossier.Planning;

/// <summary>
/// The last plan's pages, found without a pass over all of them per question (at 10k claims there are 25,000): by URL,
/// by template, and by the folder of the site they are in (<c>/people/</c>). Made once per plan, in one pass.
/// </summary>
internal sealed class PlanIndex
{
    private readonly Dictionary<string, PagePlan> _byUrl;
    private readonly Dictionary<string, List<PagePlan>> _byTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PagePlan>> _byFolder = new(StringComparer.Ordinal);

    public PlanIndex(IReadOnlyList<PagePlan> pages, string basePath)
    {
        _byUrl = new(pages.Count, StringComparer.Ordinal);
        var folders = _byFolder.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var page in pages)
        {
            var url = page.Page.Url;
            _byUrl[url] = page;
            (_byTemplate.TryGetValue(page.Template, out var same) ? same : _byTemplate[page.Template] = []).Add(page);
            if (url.StartsWith(basePath, StringComparison.Ordinal) && url.AsSpan(basePath.Length).IndexOf('/') is var slash and >= 0)
            {
                var folder = url.AsSpan(0, basePath.Length + slash + 1);
                if (!folders.TryGetValue(folder, out var inFolder))
                {
                    folders[folder] = inFolder = [];
                }

                inFolder.Add(page);
            }
        }
    }

    public PagePlan? At(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>The pages of one template, in the plan's order.</summary>
    public IReadOnlyList<PagePlan> OfTemplate(string template) => _byTemplate.GetValueOrDefault(template) ?? [];

    /// <summary>
    /// The pages below a folder (<c>/people/</c>), by their first segment under it (a person's id): each person's pages,
    /// the pages of its <c>page/</c> folder included. The folder's own page and its <c>page/</c> are left out.
    /// </summary>
    public Dictionary<string, List<PagePlan>> Under(string folderUrl)
    {
        var groups = new Dictionary<string, List<PagePlan>>(StringComparer.Ordinal);
        var lookup = groups.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var page in _byFolder.GetValueOrDefault(folderUrl) ?? [])
        {
            var below = page.Page.Url.AsSpan(folderUrl.Length);
            if (below.IndexOf('/') is var end and > 0 && below[..end] is var segment && !segment.SequenceEqual("page"))
            {
                if (!lookup.TryGetValue(segment, out var group))
                {
                    lookup[segment] = group = [];
                }

                group.Add(page);
            }
        }

        return groups;
    }
}
