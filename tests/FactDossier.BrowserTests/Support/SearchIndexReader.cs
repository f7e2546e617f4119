using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using FactDossier.Planning.Search;
using FactDossier.Tests.Support;

namespace FactDossier.BrowserTests.Support;

/// <summary>What a built site's pages and search index say, for choosing what a reader types in the tests.</summary>
public static class SearchIndexReader
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// A word of the verdict summary of a claim listed after the first home page that finds that claim alone (no term
    /// of any other claim begins with it), and the claim's URL.
    /// </summary>
    public static (string Word, string ClaimUrl) WordOfOneVerdictSummaryOnly(string output, int onHomePageAfter)
    {
        var terms = Directory.EnumerateFiles(Path.Combine(output, "search", "terms"), "*.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToDictionary(t => t.Key, t => SearchIndexFiles.Claims(t.Value!), StringComparer.Ordinal);
        var docs = Directory.EnumerateFiles(Path.Combine(output, "search", "docs"), "*.json")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray().Select(d => d![0]!.GetValue<string>()))
            .ToList();
        var later = Parse(Path.Combine(output, "page", (onHomePageAfter + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "index.html"))
            .QuerySelectorAll(".claim-card h3 a").Select(a => a.GetAttribute("href")!);
        foreach (var url in later)
        {
            var summary = Parse(Path.Combine(output, url.Trim('/'), "index.html")).QuerySelector(".verdict-summary")!.TextContent;
            foreach (var word in SearchTerms.Of([summary]).Where(w => w.Length >= 4))
            {
                var found = terms.Where(t => t.Key.StartsWith(word, StringComparison.Ordinal)).SelectMany(t => t.Value).Distinct().ToList();
                if (found.Count == 1 && docs[found[0]] == url)
                {
                    return (word, url);
                }
            }
        }

        throw new InvalidOperationException("no claim after the first home page has a word of its own in its verdict summary");
    }

    /// <summary>The rating key of the claim whose page is at <paramref name="claimPath"/> (<c>claims/id/</c>).</summary>
    public static string RatingOf(string output, string claimPath) =>
        Parse(Path.Combine(output, claimPath.Trim('/'), "index.html")).QuerySelector(".verdict-box .verdict")!.GetAttribute("data-rating")!;

    /// <summary>How a claim's page draws its verdict: the badge's classes (its tone's) and its text (mark and label).</summary>
    public static (string Class, string Text) BadgeOf(string output, string claimPath) =>
        Parse(Path.Combine(output, claimPath.Trim('/'), "index.html")).QuerySelector(".verdict-box .verdict") is { } badge
            ? (badge.GetAttribute("class")!, badge.TextContent)
            : throw new InvalidOperationException($"{claimPath} has no verdict");

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string file) => Parser.ParseDocument(File.ReadAllText(file));
}
