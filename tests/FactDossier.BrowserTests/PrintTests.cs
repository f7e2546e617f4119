using System.Text.RegularExpressions;
using FactDossier.BrowserTests.Support;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace FactDossier.BrowserTests;

/// <summary>Every claim page of the seed printed by Chromium, on A4 and on Letter, as a dossier is printed for a meeting.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed partial class PrintTests(ServedSite site)
{
    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task A_printed_claim_page_has_its_statement_on_page_1_and_no_page_ends_with_a_heading(string format)
    {
        var claims = ServedSite.Pages(site.RootOutput).Where(p => p.StartsWith("claims/", StringComparison.Ordinal) && p != "claims/" && !p.StartsWith("claims/page/", StringComparison.Ordinal)).ToList();
        Assert.True(claims.Count >= 20);
        await using var tab = await RecordedPage.OpenAsync(site.Browser);
        var pagesPrinted = 0;
        foreach (var claim in claims)
        {
            await tab.GoAsync(site.Root.BaseUrl + claim);
            var statement = await tab.Page.Locator("#statement blockquote").InnerTextAsync();
            var headings = await tab.Page.Locator("main :is(h1, h2, h3)").AllInnerTextsAsync();
            var pdf = await tab.Page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true });

            using var document = PdfDocument.Open(pdf);
            var pages = document.GetPages().Select(Lines).ToList();
            pagesPrinted += pages.Count;
            var first = Words(string.Join(' ', pages[0]));
            var missing = Words(statement).Where(w => !first.Contains(w)).ToList();
            Assert.True(missing.Count == 0, $"{claim} ({format}): the statement's words {string.Join(", ", missing)} are not on page 1");
            Assert.Contains(Normal(headings.First(h => Normal(h) == "Statement")), pages[0].Select(Normal));
            for (var i = 0; i < pages.Count - 1; i++)
            {
                var last = Normal(pages[i][^1]);
                Assert.False(headings.Any(h => Normal(h).EndsWith(last, StringComparison.Ordinal)), $"{claim} ({format}): page {i + 1} ends with the heading \"{last}\"");
            }
        }

        Assert.True(pagesPrinted > claims.Count, "every claim fit on one page: nothing was tested across a page break");
    }

    /// <summary>A PDF page's lines of text, top to bottom: its words grouped by their baseline.</summary>
    private static List<string> Lines(UglyToad.PdfPig.Content.Page page) =>
        [.. page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))];

    /// <summary>The words of a text, ligatures (PDF text has "ﬀ") taken apart.</summary>
    private static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.Normalize(System.Text.NormalizationForm.FormKC)).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3)];

    private static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*")]
    private static partial Regex WordPattern();
}
