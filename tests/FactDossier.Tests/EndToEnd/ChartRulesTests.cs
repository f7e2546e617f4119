using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FactDossier.Charts;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.EndToEnd;

/// <summary>The synthetic dossier of 10,000 claims of the benchmark: 200 speakers, answers spread among them at random.</summary>
public sealed class TenThousandClaimSite() : BuiltSite(TestProject.Synthetic(10_000))
{
    public const string Collection = "ten thousand claims";
}

[CollectionDefinition(TenThousandClaimSite.Collection)]
public sealed class TenThousandClaimGroup : ICollectionFixture<TenThousandClaimSite>;

/// <summary>
/// The rules every chart of the theme keeps, on each page that draws one (<see cref="ChartGeometry"/>): no name cut
/// where it would fit, no two labels over each other, no label out of the figure, no mark under 8 × 8 px on a phone,
/// at most 40 links drawn; and at a 1280-px window the figure takes the column's width.
/// </summary>
public static class ChartRules
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Every broken rule on every page of <paramref name="site"/>, and how many drawings were looked at.</summary>
    public static (List<string> Problems, int Drawings) Check(BuiltSite site)
    {
        var problems = new List<string>();
        var drawings = 0;
        foreach (var file in site.HtmlFiles())
        {
            var html = site.Text(file);
            if (!html.Contains("class=\"chart ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var svg in Parser.ParseDocument(html).QuerySelectorAll("figure.chart svg").Where(s => !s.ClassList.Contains("swatch")))
            {
                drawings++;
                problems.AddRange(Drawing(svg).Select(p => $"{file}: {p}"));
            }
        }

        return (problems, drawings);
    }

    /// <summary>A drawing's problems at a phone's width and at a desktop's (the answers chart: each drawing at the width it is for).</summary>
    public static IEnumerable<string> Drawing(IElement svg)
    {
        if (svg.ParentElement!.ClassList.Contains("answers-fit"))
        {
            var width = double.Parse(svg.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
            var phone = svg.ParentElement.ClassList.Contains("answers-narrow");
            var expected = phone ? Column.Narrow : Column.Wide;
            return width == expected
                ? ChartGeometry.Of(svg, width).Problems(phone)
                : [$"the {(phone ? "narrow" : "wide")} answers drawing is {width} px wide, not the column's {expected}"];
        }

        // Any other drawing is as wide as the column (width 100%, or the verdict bar's CSS), or wider when it must scroll.
        if (svg.GetAttribute("width") != "100%" && !svg.ClassList.Contains("verdict-bar"))
        {
            return [$"a {svg.Closest("figure")!.ClassName} drawing is not as wide as the column"];
        }

        var least = svg.GetAttribute("style") is { } style && style.StartsWith("min-width: ", StringComparison.Ordinal)
            ? double.Parse(style["min-width: ".Length..].TrimEnd('p', 'x', ';'), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return ChartGeometry.Of(svg, Math.Max(least, Column.Narrow)).Problems(phone: true)
            .Concat(ChartGeometry.Of(svg, Math.Max(least, Column.Wide)).Problems(phone: false));
    }
}

public sealed class ChartRulesTests(ChartTests.Site site) : IClassFixture<ChartTests.Site>
{
    [Fact]
    public void Every_chart_of_the_seed_keeps_the_rules()
    {
        var (problems, drawings) = ChartRules.Check(site);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(drawings >= 20, $"{drawings} drawings"); // home's three, the timeline, scorecards, reply charts
    }

    [Fact]
    public void The_rules_see_a_cut_name_overlapping_labels_a_small_mark_and_too_many_links()
    {
        var home = site.Page("index.html");
        var svg = home.QuerySelector(".answers-narrow svg")!;
        Assert.Empty(ChartRules.Drawing(svg));

        var label = svg.QuerySelectorAll("a text.person-row tspan")[0];
        label.TextContent = label.TextContent[..4] + "…"; // a short name cut
        var other = svg.QuerySelectorAll("text.person-row").Skip(1).First();
        other.SetAttribute("y", svg.QuerySelectorAll("text.person-row").Skip(2).First().GetAttribute("y")); // two names on one line
        svg.QuerySelector("rect.mark")!.SetAttribute("width", "7");
        for (var i = 0; i <= ChartGeometry.MostLinks; i++)
        {
            var edge = home.CreateElement("path");
            edge.ClassName = "edge";
            svg.AppendChild(edge);
        }

        var problems = ChartRules.Drawing(svg).ToList();
        Assert.Contains(problems, p => p.Contains("is cut though", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("overlaps", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("mark is 7", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("links drawn", StringComparison.Ordinal));
    }
}

[Collection(ThousandClaimSite.Collection)]
public sealed class ChartRulesAtAThousandTests(ThousandClaimSite site)
{
    [Fact]
    public void Every_chart_of_a_thousand_claims_keeps_the_rules()
    {
        var (problems, drawings) = ChartRules.Check(site);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(drawings >= 1000, $"{drawings} drawings");
    }
}

[Collection(TenThousandClaimSite.Collection)]
public sealed class ChartRulesAtTenThousandTests(TenThousandClaimSite site)
{
    [Fact]
    public void Every_chart_of_ten_thousand_synthetic_claims_keeps_the_rules_and_who_answers_whom_aggregates()
    {
        var (problems, drawings) = ChartRules.Check(site);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(drawings >= 10_000, $"{drawings} drawings");
        // 200 people answer and are answered: the 12 and 8 most active have a row and a column of their own, the rest one.
        var wide = site.Page("index.html").QuerySelector(".answers-wide svg")!;
        Assert.Equal(13, wide.QuerySelectorAll("text.person-row").Length);
        Assert.Equal(9, wide.QuerySelectorAll("text.person-column").Length);
        Assert.Equal("188 others", wide.QuerySelectorAll("text.person-row")[^1].TextContent);
        Assert.Equal("192 others", wide.QuerySelectorAll("text.person-column")[^1].TextContent);
    }
}
