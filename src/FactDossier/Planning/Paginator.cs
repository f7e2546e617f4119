using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Cuts a list into pages as Hugo does: page 1 at the list's own URL, page n at <c>&lt;list&gt;page/n/</c>.
/// </summary>
public static class Paginator
{
    /// <summary>Pages shown on each side of the current one; the first and the last are always shown.</summary>
    private const int Neighbours = 2;

    public static string UrlOf(string listUrl, int number) => number == 1 ? listUrl : $"{listUrl}page/{number}/";

    /// <summary>How many pages a list has: an empty list still has its one (empty) page.</summary>
    public static int PageCount(int itemCount, int pageSize) => Math.Max(1, (itemCount + pageSize - 1) / pageSize);

    /// <summary>The items of page <paramref name="number"/> of <paramref name="count"/>.</summary>
    public static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int pageSize, int number, int count) =>
        count == 1 ? items : items.Skip((number - 1) * pageSize).Take(pageSize).ToList();

    public static PagerView Pager(int number, int count, string listUrl)
    {
        var links = new List<PagerLink>();
        var (first, last) = (Math.Max(1, number - Neighbours), Math.Min(count, number + Neighbours));
        var shown = new SortedSet<int>([1, count, .. Enumerable.Range(first, last - first + 1)]);

        foreach (var n in shown)
        {
            if (links.Count > 0 && links[^1].Number != n - 1)
            {
                links.Add(new PagerLink(null, null, false));
            }

            links.Add(new PagerLink(n, UrlOf(listUrl, n), n == number));
        }

        return new PagerView(number, count,
            number > 1 ? UrlOf(listUrl, number - 1) : null,
            number < count ? UrlOf(listUrl, number + 1) : null,
            links);
    }
}
