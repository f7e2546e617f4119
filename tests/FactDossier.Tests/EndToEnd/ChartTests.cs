using AngleSharp.Dom;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The verdict charts say what the claims say: each count is the claims', each bar is named and written out beside it.</summary>
public sealed class ChartTests : IClassFixture<ChartTests.Site>
{
    private readonly Site _site;

    public ChartTests(Site site) => _site = site;

    public sealed class Site() : BuiltSite(TestProject.RealDossier());

    [Fact]
    public void The_home_pages_verdict_bar_counts_every_claim_by_its_verdict()
    {
        var dossier = DossierLoader.Load(_site.Project.Layout).Dossier!;
        var expected = dossier.Claims.CountBy(c => c.Verdict.Rating.Value).Where(c => c.Value > 0).ToDictionary();

        var chart = Chart(_site.Page("index.html"));

        Assert.Equal(expected.OrderBy(e => e.Key), Counts(chart).OrderBy(e => e.Key));
        AssertDrawnInProportion(chart, dossier.Site.RatingScale);
    }

    [Fact]
    public void A_person_with_two_or_more_checked_statements_has_a_scorecard_of_them_and_no_one_else_has()
    {
        var dossier = DossierLoader.Load(_site.Project.Layout).Dossier!;
        var scorecards = 0;
        foreach (var person in dossier.People)
        {
            var statements = dossier.Claims.Where(c => c.Statement.Speaker?.Value == person.Id).ToList();
            var page = _site.Page($"people/{person.Id}/index.html");
            if (statements.Count < 2)
            {
                Assert.Null(page.QuerySelector(".scorecard"));
                continue;
            }

            scorecards++;
            var chart = Chart(page);
            Assert.Equal(statements.CountBy(c => c.Verdict.Rating.Value).OrderBy(c => c.Key), Counts(chart).OrderBy(c => c.Key));
            Assert.Contains(person.Name, chart.QuerySelector("svg title")!.TextContent, StringComparison.Ordinal);
            AssertDrawnInProportion(chart, dossier.Site.RatingScale);
        }

        Assert.True(scorecards >= 2);
    }

    [Fact]
    public void The_timeline_chart_has_a_column_per_day_of_checked_statements_in_proportion_from_the_axis()
    {
        var dossier = DossierLoader.Load(_site.Project.Layout).Dossier!;
        var expected = dossier.Claims.Where(c => c.Statement.SaidOn is not null)
            .CountBy(c => c.Statement.SaidOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(d => d.Key).ToList();
        var page = _site.Page("timeline/index.html");
        var chart = page.QuerySelector("figure.timeline-chart")!;

        var rows = chart.QuerySelectorAll("tbody tr").Select(r => new KeyValuePair<string, int>(r.GetAttribute("data-day")!,
            int.Parse(r.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(expected, rows);
        foreach (var row in chart.QuerySelectorAll("tbody tr"))
        {
            var link = row.QuerySelector("a")!.GetAttribute("href")!;
            Assert.NotNull(page.GetElementById(link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..])); // the day it names is on the page
        }

        // The table's columns are the verdicts given; each day's row counts that day's statements by verdict.
        var verdicts = chart.QuerySelectorAll("thead th .verdict").Select(v => v.GetAttribute("data-rating")!).ToList();
        var byDay = dossier.Claims.Where(c => c.Statement.SaidOn is not null).GroupBy(c => c.Statement.SaidOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(dossier.Claims.Where(c => c.Statement.SaidOn is not null).Select(c => c.Verdict.Rating.Value).Distinct().Order(), verdicts.Order());
        foreach (var day in byDay)
        {
            var cells = chart.QuerySelector($"tbody tr[data-day='{day.Key}']")!.QuerySelectorAll("td").Skip(1).Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(verdicts.Select(v => day.Count(c => c.Verdict.Rating.Value == v)), cells);
        }

        var svg = chart.QuerySelector("svg")!;
        Assert.Equal(svg.QuerySelector("title")!.Id, svg.GetAttribute("aria-labelledby"));
        // Columns grow from the axis, the fullest day's reaching the top of the plot, the others in proportion.
        var baseline = double.Parse(svg.QuerySelector("line.axis")!.GetAttribute("y1")!, System.Globalization.CultureInfo.InvariantCulture);
        var columns = svg.QuerySelectorAll("rect.segment").GroupBy(r => r.GetAttribute("x")).Select(g => (Top: g.Min(r => Number(r, "y")), Bottom: g.Max(r => Number(r, "y") + Number(r, "height")))).ToList();
        Assert.Equal(expected.Count, columns.Count);
        Assert.All(columns, c => Assert.Equal(baseline, c.Bottom, 1));
        var tallest = columns.Max(c => baseline - c.Top);
        var most = expected.Max(d => d.Value);
        foreach (var ((_, count), column) in expected.Zip(columns))
        {
            Assert.Equal(tallest * count / most, baseline - column.Top, 1);
        }

        // At this size each statement is a mark of its own, in its verdict's colour and texture, linking to its claim
        // and named by its verdict and headline.
        var marks = svg.QuerySelectorAll("a.mark").ToList();
        Assert.Equal(expected.Sum(d => d.Value), marks.Count);
        var dated = dossier.Claims.Where(c => c.Statement.SaidOn is not null).ToDictionary(c => $"/claims/{c.Id}/");
        string ClaimOf(IElement mark) => mark.GetAttribute("href")!.Split('#')[0];
        Assert.Equal(dated.Keys.Order(StringComparer.Ordinal), marks.Select(ClaimOf).Order(StringComparer.Ordinal));
        foreach (var mark in marks)
        {
            var claim = dated[ClaimOf(mark)];
            var look = dossier.Site.RatingScale.LookOf(dossier.Site.RatingScale.Find(claim.Verdict.Rating.Value)!);
            Assert.Contains($"segment-{look.Tone}", mark.QuerySelector("rect.segment")!.ClassList);
            Assert.Contains(claim.Headline, mark.GetAttribute("aria-label"), StringComparison.Ordinal);
            if (look.Texture != "plain")
            {
                var fill = mark.QuerySelector("rect.textured")!.GetAttribute("fill")!;
                Assert.Equal($"url(#timeline-chart-{look.Texture})", fill);
                Assert.NotNull(svg.QuerySelector(fill[4..^1])); // a pattern of this chart
            }
        }

        Assert.Single(svg.QuerySelectorAll("line.article-day")); // the article's day, 31 March, is on the axis
    }

    [Fact]
    public void A_claims_reply_chart_places_the_statement_and_each_dated_reply_on_its_day()
    {
        var dossier = DossierLoader.Load(_site.Project.Layout).Dossier!;
        var charts = 0;
        foreach (var claim in dossier.Claims)
        {
            var page = _site.Page($"claims/{claim.Id}/index.html");
            var dated = claim.CounterStatements.Count(c => c.SaidOn is not null);
            var chart = page.QuerySelector("figure.replies-chart");
            if (claim.Statement.SaidOn is null || dated == 0)
            {
                Assert.Null(chart);
                continue;
            }

            charts++;
            var items = chart!.QuerySelectorAll(".reply-list li").ToList();
            Assert.Equal(1 + dated, items.Count);
            Assert.Equal("statement", items[0].GetAttribute("data-role"));
            foreach (var item in items)
            {
                var href = item.QuerySelector("a")!.GetAttribute("href")!;
                Assert.NotNull(page.GetElementById(href[1..])); // the quote it names is on the page
            }

            var svg = chart.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.Equal(svg.QuerySelector("title")!.Id, svg.GetAttribute("aria-labelledby"));
            // Each mark's number is its item's, written beside its mark; later days lie further right (in percent of the width).
            var marks = svg.QuerySelectorAll("text.mark-number").Select(t => (Number: int.Parse(t.TextContent, System.Globalization.CultureInfo.InvariantCulture),
                X: double.Parse(t.GetAttribute("x")!.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(marks.Select(m => m.X), svg.QuerySelectorAll("use").Select(u => double.Parse(u.GetAttribute("x")!.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(Enumerable.Range(1, items.Count), marks.Select(m => m.Number));
            var days = items.Select(i => i.GetAttribute("data-day")!).ToList();
            for (var i = 0; i < marks.Count; i++)
            {
                for (var j = 0; j < marks.Count; j++)
                {
                    Assert.Equal(string.CompareOrdinal(days[i], days[j]).CompareTo(0), marks[i].X.CompareTo(marks[j].X));
                }
            }
        }

        Assert.True(charts >= 10);
    }

    [Fact]
    public void Each_drawing_of_who_answers_whom_reads_as_the_claims_say_and_every_person_is_a_link_to_their_page()
    {
        var dossier = DossierLoader.Load(_site.Project.Layout).Dossier!;
        var expected = Answers(dossier);
        var chart = _site.Page("index.html").QuerySelector("figure.answers-chart")!;
        var people = dossier.People.ToDictionary(p => p.Id);
        Assert.Equal(["answers-fit answers-wide", "answers-fit answers-narrow"], chart.QuerySelectorAll("div.answers-fit").Select(d => d.ClassName));
        foreach (var svg in chart.QuerySelectorAll("div.answers-fit svg"))
        {
            // Read off the drawing by where its marks are: each mark a relation's count between a row's and a column's person.
            var read = AnswersMatrixReader.Read(svg);
            Assert.Equal(expected.OrderBy(a => a.Key.From).ThenBy(a => a.Key.To).ThenBy(a => a.Key.Relation).Select(a => (a.Key.From, a.Key.To, a.Key.Relation, a.Value)),
                read.OrderBy(a => a.From).ThenBy(a => a.To).ThenBy(a => a.Relation).Select(a => (a.From, a.To, a.Relation, a.Count)));
            Assert.All(read, a => Assert.Equal((people[a.From].Name, people[a.To].Name), (a.FromName, a.ToName)));
            Assert.Equal("group", svg.GetAttribute("role"));
            Assert.Equal(svg.QuerySelector("title")!.Id, svg.GetAttribute("aria-labelledby"));
            Assert.All(svg.QuerySelectorAll("a"), a => Assert.Equal($"/people/{a.QuerySelector("text")!.GetAttribute("data-person")}/", a.GetAttribute("href")));
            // Named in full (its lines joined by a space): the link's name.
            Assert.All(svg.QuerySelectorAll("a"), a => Assert.Equal(people[a.QuerySelector("text")!.GetAttribute("data-person")!].Name, a.TextContent));
        }

        // The table beside it says the same, with links to the people.
        var rows = chart.QuerySelectorAll("tbody tr").Select(r => (r.GetAttribute("data-from")!, r.GetAttribute("data-to")!, r.GetAttribute("data-relation")!,
            int.Parse(r.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture))).Order().ToList();
        Assert.Equal(expected.Select(a => (a.Key.From, a.Key.To, a.Key.Relation, a.Value)).Order(), rows);
        Assert.All(chart.QuerySelectorAll("tbody a"), a => Assert.StartsWith("/people/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    /// <summary>Each counter-statement by someone other than the statement's speaker, counted by who, whom and how.</summary>
    internal static Dictionary<(string From, string To, string Relation), int> Answers(Dossier dossier) =>
        dossier.Claims.Where(c => c.Statement.Speaker is not null)
            .SelectMany(c => c.CounterStatements.Where(s => s.Speaker is not null && s.Speaker.Value != c.Statement.Speaker!.Value)
                .Select(s => (From: s.Speaker!.Value, To: c.Statement.Speaker!.Value, Relation: s.Relation.ToString().ToLowerInvariant())))
            .CountBy(a => a).ToDictionary();

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);

    private static IElement Chart(IDocument page) => page.QuerySelector("figure.verdict-chart") ?? throw new InvalidOperationException("no verdict chart");

    private static Dictionary<string, int> Counts(IElement chart) =>
        chart.QuerySelectorAll(".chart-legend li").ToDictionary(li => li.GetAttribute("data-rating")!, li => int.Parse(li.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A named drawing whose segments, one per verdict given in the legend's order, each in its rating's tone, add up to
    /// the bar in proportion to the counts.
    /// </summary>
    private static void AssertDrawnInProportion(IElement chart, FactDossier.Model.RatingScale scale)
    {
        var svg = chart.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = svg.QuerySelector("title")!;
        Assert.Equal(title.Id, svg.GetAttribute("aria-labelledby"));
        Assert.False(string.IsNullOrWhiteSpace(title.TextContent));

        var length = int.Parse(svg.GetAttribute("viewBox")!.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var counts = Counts(chart);
        var total = counts.Values.Sum();
        var given = chart.QuerySelectorAll(".chart-legend li").Select(li => li.GetAttribute("data-rating")!).ToList();
        var rects = svg.QuerySelectorAll("rect.segment").ToList();
        Assert.Equal(given.Count, rects.Count);
        var segments = rects.Select((r, i) => (Rating: given[i], Width: int.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.All(rects.Zip(given), s => Assert.Equal(["segment", $"segment-{scale.LookOf(scale.Find(s.Second)!).Tone}"], s.First.ClassList));
        // No two verdicts told apart by colour alone: each drawn has a texture of its own (the best one, none).
        var textures = svg.QuerySelectorAll("rect.segment")
            .Select(r => r.NextElementSibling is { } next && next.ClassList.Contains("textured") ? next.GetAttribute("fill")! : "none").ToList();
        Assert.Equal(textures.Count, textures.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(length, segments.Sum(s => s.Width));
        foreach (var (rating, width) in segments)
        {
            Assert.InRange(width, Math.Floor((double)counts[rating] * length / total), Math.Ceiling((double)counts[rating] * length / total));
        }
    }
}

/// <summary>At a thousand claims the charts stay readable: a day's statements counted, the most active speakers drawn.</summary>
[Collection(ThousandClaimSite.Collection)]
public sealed class ChartsAtScaleTests(ThousandClaimSite site)
{
    [Fact]
    public void The_timeline_chart_counts_a_crowded_days_statements_in_one_column_linking_to_the_days_month()
    {
        var page = site.Page("timeline/index.html");
        var svg = page.QuerySelector("figure.timeline-chart svg")!;
        Assert.Empty(svg.QuerySelectorAll("a.mark"));
        var days = svg.QuerySelectorAll("a.day").ToList();
        var rows = page.QuerySelectorAll("figure.timeline-chart tbody tr").ToList();
        Assert.Equal(rows.Count, days.Count);
        foreach (var (day, row) in days.Zip(rows))
        {
            var iso = row.GetAttribute("data-day")!;
            Assert.Equal($"/timeline/{iso[..7]}/", day.GetAttribute("href"));
            Assert.Contains(row.GetAttribute("data-count")!, day.GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(site.Output, "timeline", iso[..7], "index.html")));
        }

        var legend = page.QuerySelectorAll("figure.timeline-chart .chart-legend li")
            .Sum(li => int.Parse(li.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rows.Sum(r => int.Parse(r.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture)), legend);
    }

    [Fact]
    public void Who_answers_whom_counts_every_answer_of_a_thousand_claims_in_its_cell()
    {
        var dossier = DossierLoader.Load(site.Project.Layout).Dossier!;
        var expected = ChartTests.Answers(dossier);
        var svg = site.Page("index.html").QuerySelector(".answers-wide svg")!;

        var read = AnswersMatrixReader.Read(svg).ToDictionary(a => (a.From, a.To, a.Relation), a => a.Count);

        Assert.Equal(expected.OrderBy(e => e.Key), read.OrderBy(e => e.Key));
        Assert.True(expected.Values.Max() >= 40);
    }
}
