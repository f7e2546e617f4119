using System.Text.Json;
using AngleSharp.Html.Parser;
using FactDossier.BrowserTests.Support;
using FactDossier.Charts;
using FactDossier.Loading;
using FactDossier.Tests.Support;
using Microsoft.Playwright;

namespace FactDossier.BrowserTests;

/// <summary>The seed's charts as Chromium draws them, at a phone's width and a desktop's, in light and dark.</summary>
[Collection(ServedSiteGroup.Name)]
public sealed class ChartBrowserTests(ServedSite site)
{
    private static readonly HtmlParser Parser = new();
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The drawing of who answers whom that the window shows (the other is not displayed), as drawn.</summary>
    private static async Task<AngleSharp.Dom.IElement> ShownAnswersDrawingAsync(IPage page)
    {
        var shown = page.Locator(".answers-fit svg").Filter(new LocatorFilterOptions { Visible = true });
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        var html = await shown.EvaluateAsync<string>("svg => svg.parentElement.outerHTML");
        return Parser.ParseDocument(html).QuerySelector("svg")!;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Who_answered_Alexander_Fomin_and_whom_Jens_Stoltenberg_answered_are_read_off_the_drawing_as_the_claims_say(int width)
    {
        var dossier = DossierLoader.Load(InputLayout.Under(Path.GetDirectoryName(site.RootOutput)!, theme: RepositoryPaths.Theme)).Dossier!;
        var said = dossier.Claims.Where(c => c.Statement.Speaker is not null)
            .SelectMany(c => c.CounterStatements.Where(s => s.Speaker is not null && s.Speaker.Value != c.Statement.Speaker!.Value)
                .Select(s => (From: s.Speaker!.Value, To: c.Statement.Speaker!.Value, Relation: s.Relation.ToString().ToLowerInvariant())))
            .ToList();
        var names = dossier.People.ToDictionary(p => p.Id, p => p.Name);
        await using var tab = await RecordedPage.OpenAsync(site.Browser, width);
        await tab.GoAsync(site.Root.BaseUrl);

        var read = AnswersMatrixReader.Read(await ShownAnswersDrawingAsync(tab.Page));

        // Who answered Alexander Fomin's statement, and how: the marks in his column.
        var fomin = read.Where(a => a.ToName == "Alexander Fomin").Select(a => (a.FromName, a.Relation, a.Count)).Order().ToList();
        var fominSaid = said.Where(a => a.To == "alexander-fomin").CountBy(a => (names[a.From], a.Relation)).Select(a => (a.Key.Item1, a.Key.Relation, a.Value)).Order().ToList();
        Assert.Equal(fominSaid, fomin);
        Assert.Contains(("Jens Stoltenberg", "contradicts", 1), fomin);
        Assert.Contains(("Vladimir Medinsky", "qualifies", 1), fomin);
        // Whom Jens Stoltenberg answered, and how: the marks in his row.
        var stoltenberg = read.Where(a => a.FromName == "Jens Stoltenberg").Select(a => (a.ToName, a.Relation, a.Count)).Order().ToList();
        var stoltenbergSaid = said.Where(a => a.From == "jens-stoltenberg").CountBy(a => (names[a.To], a.Relation)).Select(a => (a.Key.Item1, a.Key.Relation, a.Value)).Order().ToList();
        Assert.Equal(stoltenbergSaid, stoltenberg);
        Assert.Equal(2, stoltenberg.Count);
    }

    public static TheoryData<int> Widths() => [375, 1280];

    /// <summary>
    /// What the page's visible charts measure in Chromium: each figure's width against the column's, every text's box
    /// against every other's and the figure's, every mark's size, and each name's drawn width against the estimate the
    /// layout went by.
    /// </summary>
    private const string Measure = """
        () => {
          const main = document.querySelector('main'), style = getComputedStyle(main);
          const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const box = e => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
          return [...document.querySelectorAll('figure.chart svg:not(.swatch)')].filter(s => s.getClientRects().length > 0).map(svg => ({
            chart: svg.closest('figure').className, column, svg: box(svg),
            texts: [...svg.querySelectorAll('text')].map(t => ({ text: t.textContent, box: box(t),
              lines: [...(t.querySelectorAll('tspan').length ? t.querySelectorAll('tspan') : [t])].map(l => ({ text: l.textContent, length: l.getComputedTextLength() })),
              size: parseFloat(getComputedStyle(t).fontSize), bold: parseInt(getComputedStyle(t).fontWeight) >= 600 })),
            marks: [...svg.querySelectorAll('.mark:not(a), .segment, use')].filter(m => !m.closest('defs')).map(box),
          }));
        }
        """;

    private sealed record Box(double X, double Y, double W, double H)
    {
        public bool Overlaps(Box o) => X < o.X + o.W - 0.5 && o.X < X + W - 0.5 && Y < o.Y + o.H - 0.5 && o.Y < Y + H - 0.5;
    }

    private sealed record Line(string Text, double Length);

    private sealed record Text(string text, Box Box, Line[] Lines, double Size, bool Bold);

    private sealed record Drawing(string Chart, double Column, Box Svg, Text[] Texts, Box[] Marks);

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_chart_as_Chromium_draws_it_keeps_the_rules(int width)
    {
        var pages = ServedSite.Pages(site.RootOutput).Where(p => File.ReadAllText(Path.Combine(site.RootOutput, p, "index.html")).Contains("class=\"chart ", StringComparison.Ordinal)).ToList();
        await using var tab = await RecordedPage.OpenAsync(site.Browser, width);
        var problems = new List<string>();
        var drawn = 0;
        foreach (var path in pages)
        {
            await tab.GoAsync(site.Root.BaseUrl + path);
            var drawings = JsonSerializer.Deserialize<Drawing[]>(await tab.Page.EvaluateAsync<JsonElement>(Measure), Json)!;
            foreach (var d in drawings)
            {
                drawn++;
                var where = $"{path} {d.Chart} at {width}";
                if (width == 1280 && d.Svg.W < d.Column - 1)
                {
                    problems.Add($"{where}: {d.Svg.W} px wide in a {d.Column} px column");
                }

                for (var i = 0; i < d.Texts.Length; i++)
                {
                    var t = d.Texts[i];
                    problems.AddRange(d.Texts.Skip(i + 1).Where(o => o.Box.Overlaps(t.Box)).Select(o => $"{where}: \"{t.text}\" overlaps \"{o.text}\""));
                    // Within the figure, but for a glyph's overhang (DejaVu's "J" starts a pixel left of its place).
                    if (t.Box.X < d.Svg.X - 2 || t.Box.X + t.Box.W > d.Svg.X + Math.Max(d.Svg.W, d.Column) + 2)
                    {
                        problems.Add($"{where}: \"{t.text}\" {t.Box} runs out of the figure {d.Svg}");
                    }

                    // The layout's estimate is never short of what is drawn (the SVG's scale undone).
                    var scale = d.Chart.Contains("answers", StringComparison.Ordinal) ? d.Svg.W / Math.Max(1, width == 1280 ? Column.Wide : Column.Narrow) : 1;
                    problems.AddRange(t.Lines.Where(l => l.Length > TextWidth.Of(l.Text, t.Size) * (t.Bold ? MatrixLayout.Bold : 1) + 0.5)
                        .Select(l => $"{where}: \"{l.Text}\" is drawn {l.Length:0.#} px wide, estimated {TextWidth.Of(l.Text, t.Size):0.#} (scale {scale:0.##})"));
                }

                if (width == 375)
                {
                    problems.AddRange(d.Marks.Where(m => m.W < 8 - 0.01 || m.H < 8 - 0.01).Select(m => $"{where}: a mark of {m.W:0.#} × {m.H:0.#} px"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        Assert.True(drawn >= 20, $"{drawn} drawings");
    }

    [Fact]
    public async Task Screenshots_of_every_chart_at_phone_and_desktop_widths_in_light_and_dark()
    {
        Directory.CreateDirectory(ServedSite.ScreenshotFolder);
        var charts = new (string Name, string Path, string Figure)[]
        {
            ("home-verdicts", "", "figure.verdict-chart"),
            ("home-answers", "", "figure.answers-chart"),
            ("timeline", "timeline/", "figure.timeline-chart"),
            ("person-scorecard", "people/jens-stoltenberg/", "figure.verdict-chart"),
            ("claim-replies", "claims/moscow-radically-reduce/", "figure.replies-chart"),
        };
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var width in new[] { 375, 1280 })
            {
                await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
                var page = await context.NewPageAsync();
                foreach (var (name, path, figure) in charts)
                {
                    await page.GotoAsync(site.Root.BaseUrl + path);
                    var file = System.IO.Path.Combine(ServedSite.ScreenshotFolder, $"chart-{name}-{width}-{(scheme == ColorScheme.Dark ? "dark" : "light")}.png");
                    await page.Locator(figure).First.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
                    Assert.True(new FileInfo(file).Length > 2_000, file);
                }
            }
        }
    }
}
