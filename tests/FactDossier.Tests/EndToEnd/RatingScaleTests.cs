using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Model;
using FactDossier.Planning;
using FactDossier.Rendering;
using FactDossier.Tests.Support;
using SkiaSharp;

namespace FactDossier.Tests.EndToEnd;

/// <summary>
/// Any rating scale renders right: the seed built with other newsrooms' scales draws every verdict with its tone's
/// colour, a mark and a texture, the same mark on the claim's page, its share image and the charts' legends.
/// </summary>
public sealed partial class RatingScaleTests
{
    /// <summary>
    /// PolitiFact's Truth-O-Meter: six ratings from True to Pants on Fire (as PolitiFact NC lists them in "How we
    /// determine Truth-O-Meter ratings", 2019; the descriptions are ours). No tone, no mark: the defaults.
    /// </summary>
    private const string PolitiFact = """
          - key: true
            label: True
            value: 6
            description: Accurate, with nothing significant missing.
          - key: mostly-true
            label: Mostly True
            value: 5
            description: Accurate, but needs clarification or more information.
          - key: half-true
            label: Half True
            value: 4
            description: Partly accurate, leaving out important details or context.
          - key: mostly-false
            label: Mostly False
            value: 3
            description: Holds an element of truth but ignores facts that change the impression.
          - key: false
            label: False
            value: 2
            description: Not accurate.
          - key: pants-on-fire
            label: Pants on Fire
            value: 1
            description: Not accurate, and a ridiculous claim.
        """;

    /// <summary>
    /// Snopes' ratings (as https://www.snopes.com/fact-check-ratings/ lists them; the descriptions are ours): five steps
    /// from True to False, then Unproven, which says no degree of truth: outside the numeric scale (Outdated and the
    /// page's other labels left out).
    /// </summary>
    private const string Snopes = """
          - key: true
            label: True
            value: 5
            description: The primary elements of the claim are demonstrably true.
          - key: mostly-true
            label: Mostly True
            value: 4
            description: True in its primary elements; some ancillary details may be inaccurate.
          - key: mixture
            label: Mixture
            value: 3
            description: Significant elements of both truth and falsity.
          - key: mostly-false
            label: Mostly False
            value: 2
            description: False in its primary elements; some ancillary details may be accurate.
          - key: false
            label: False
            value: 1
            description: The primary elements of the claim are demonstrably false.
          - key: unproven
            label: Unproven
            value: 0
            checkable: false
            tone: not-rated
            description: Too little evidence to call the claim true or false.
        """;

    /// <summary>
    /// An illustrative French scale, not any newsroom's: no French fact-checking desk's verdict words could be checked
    /// against a stored source. Tones given (one refuted rating above a mixed one's value would be wrong by default),
    /// one mark of its own, and a rating outside the numeric scale.
    /// </summary>
    private const string IllustrativeFrench = """
          - key: vrai
            label: Vrai
            value: 5
            tone: supported
            description: Exact, sans rien d'important qui manque.
          - key: plutot-vrai
            label: Plutôt vrai
            value: 4
            tone: supported
            description: Exact pour l'essentiel, mais à préciser.
          - key: trompeur
            label: Trompeur
            value: 3
            tone: mixed
            mark: "≈"
            description: En partie exact, mais donne une fausse impression.
          - key: plutot-faux
            label: Plutôt faux
            value: 2
            tone: refuted
            description: Faux pour l'essentiel.
          - key: faux
            label: Faux
            value: 1
            tone: refuted
            description: Inexact.
          - key: invérifiable
            label: Invérifiable
            value: 0
            checkable: false
            description: Une opinion ou une prévision, qu'aucune source ne peut confirmer ni infirmer.
        """;

    public static TheoryData<string> Scales() => ["politifact", "snopes", "illustrative-french"];

    [Theory]
    [MemberData(nameof(Scales))]
    public void Every_verdict_of_another_scale_has_a_colour_a_mark_and_a_texture_the_same_on_pages_cards_and_charts(string name)
    {
        using var project = TestProject.RealDossier();
        var scaleYaml = name switch
        {
            "politifact" => PolitiFact,
            "snopes" => Snopes,
            _ => IllustrativeFrench.Replace("invérifiable", "inverifiable", StringComparison.Ordinal),
        };
        var site = project.Read("input/site.yml");
        project.Write("input/site.yml", site[..site.IndexOf("rating_scale:", StringComparison.Ordinal)]
            + "base_url: https://example.org/dossier/\nrating_scale:\n" + scaleYaml + "\n");
        var keys = Regex.Matches(scaleYaml, @"- key: (\S+)").Select(m => m.Groups[1].Value).ToList();
        var claims = Directory.EnumerateFiles(project.PathOf("input/claims"), "*.yml").Order(StringComparer.Ordinal).ToList();
        var ratingOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < claims.Count; i++)
        {
            ratingOf[Path.GetFileNameWithoutExtension(claims[i])] = keys[i % keys.Count]; // every rating given, some more than once
            File.WriteAllText(claims[i], RatingLine().Replace(File.ReadAllText(claims[i]), $"  rating: {keys[i % keys.Count]}"));
        }

        var result = project.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var dossier = DossierLoader.Load(project.Layout).Dossier!;
        var scale = dossier.Site.RatingScale;
        var look = keys.ToDictionary(k => k, k => scale.LookOf(scale.Find(k)!), StringComparer.Ordinal);
        var css = File.ReadAllText(Path.Combine(RepositoryPaths.Theme, "assets", "site.css"));
        var cards = ShareCardSvgs(project, dossier);
        using var typeface = SKTypeface.FromFile(Path.Combine(RepositoryPaths.Theme, "fonts", "Inter-Bold.ttf"));
        using var bold = new SKFont(typeface);
        var parser = new HtmlParser();

        foreach (var key in keys)
        {
            var (tone, mark, texture) = (look[key].Tone, look[key].Mark, look[key].Texture);
            Assert.False(string.IsNullOrEmpty(mark), $"{key}: no mark");
            Assert.True(bold.ContainsGlyphs(mark), $"{key}: the share images' font cannot draw '{mark}'");
            Assert.NotNull(ColourOf(css, $".verdict-{tone}", "color")); // a colour for the badge…
            Assert.NotNull(ColourOf(css, $".segment-{tone}", "fill")); // …and for the charts, by tone
            Assert.DoesNotContain($".verdict-{key} ", css, StringComparison.Ordinal); // never by key
            Assert.True(texture == "plain" || File.ReadAllText(Path.Combine(RepositoryPaths.Theme, "partials", "charts", "textures.liquid")).Contains($"-{texture}\"", StringComparison.Ordinal),
                $"{key}: no pattern '{texture}'");
        }

        // Every claim's page and share image: the verdict in its tone's colour, with the same mark.
        foreach (var (id, key) in ratingOf)
        {
            var badge = parser.ParseDocument(File.ReadAllText(Path.Combine(project.Output, "claims", id, "index.html"))).QuerySelector(".verdict-box .verdict")!;
            Assert.Equal(["verdict", $"verdict-{look[key].Tone}"], badge.ClassList);
            Assert.Equal(key, badge.GetAttribute("data-rating"));
            Assert.Equal(look[key].Mark, badge.QuerySelector(".verdict-mark")!.TextContent);

            var label = scale.Find(key)!.Label.ToUpperInvariant();
            var verdictLine = VerdictText().Matches(cards[id]).Select(m => (Fill: m.Groups[1].Value, Text: WebUtility.HtmlDecode(m.Groups[2].Value)))
                .Single(t => t.Text.EndsWith(label, StringComparison.Ordinal));
            Assert.Equal($"{look[key].Mark} {label}", verdictLine.Text);
            Assert.Equal(LightColour(css, ColourOf(css, $".verdict-{look[key].Tone}", "color")!), verdictLine.Fill);
            Assert.True(File.Exists(Path.Combine(project.Output, "share", "claims", id + ".png")), id);
        }

        // The charts: each verdict's swatch in its tone, with its texture, beside its badge with the same mark.
        var charts = new[] { ("index.html", "figure.verdict-chart"), ("timeline/index.html", "figure.timeline-chart") }
            .Select(c => parser.ParseDocument(File.ReadAllText(Path.Combine(project.Output, c.Item1))).QuerySelector(c.Item2)!).ToList();
        foreach (var chart in charts)
        {
            var legend = chart.QuerySelectorAll(".chart-legend li").ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), legend.Select(li => li.GetAttribute("data-rating")!).Order(StringComparer.Ordinal));
            foreach (var item in legend)
            {
                var key = item.GetAttribute("data-rating")!;
                var swatch = item.QuerySelector("svg.swatch")!;
                Assert.Equal([$"segment-{look[key].Tone}"], swatch.QuerySelector("rect")!.ClassList);
                AssertTexture(chart, swatch, look[key].Texture);
                Assert.Equal(look[key].Mark, item.QuerySelector(".verdict .verdict-mark")!.TextContent);
            }
        }

        // No two verdicts look alike in a chart: tone or texture tells each apart, as the label and mark do.
        Assert.Equal(keys.Count, keys.Select(k => (look[k].Tone, look[k].Texture)).Distinct().Count());
    }

    private static void AssertTexture(IElement chart, IElement shape, string texture)
    {
        var textured = shape.QuerySelector("rect.textured");
        if (texture == "plain")
        {
            Assert.Null(textured);
            return;
        }

        var fill = textured!.GetAttribute("fill")!;
        Assert.EndsWith($"-{texture})", fill, StringComparison.Ordinal);
        Assert.NotNull(chart.QuerySelector($"pattern{fill[4..^1]}")); // url(#…): a pattern the chart defines
    }

    /// <summary>The SVG each claim's share image is drawn from, by claim id, as the build renders it.</summary>
    private static Dictionary<string, string> ShareCardSvgs(TestProject project, Dossier dossier)
    {
        var layout = project.Layout;
        var diagnostics = new DiagnosticBag();
        var plan = SitePlanner.Plan(QuoteAnchorer.Anchor(dossier).Dossier, UiStrings.Load(layout.Theme, dossier.Site.Language, layout, diagnostics)!,
            new SiteUrls(dossier.Site.BaseUrl!.AbsolutePath));
        var templates = TemplateSet.Load(layout.Theme, layout, diagnostics)!;
        return plan.ShareCards.Where(c => c.OutputPath.StartsWith("share/claims/", StringComparison.Ordinal)).ToDictionary(
            c => Path.GetFileNameWithoutExtension(c.OutputPath),
            c => templates.RenderFragment("share-card", c.Values, fragments: null, strings: null, out _)!.Html, StringComparer.Ordinal);
    }

    /// <summary>The variable a rule of site.css colours with (<c>.verdict-mixed { color: var(--qualifies) …</c>), or null.</summary>
    private static string? ColourOf(string css, string selector, string property) =>
        Regex.Match(css, Regex.Escape(selector) + @" \{[^}]*?\b" + property + @": var\((--[a-z-]+)\)") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>A variable's value in the light palette (the share images are drawn on the light background).</summary>
    private static string LightColour(string css, string variable)
    {
        var root = css[(css.IndexOf(":root {", StringComparison.Ordinal) + 7)..];
        return Regex.Match(root[..root.IndexOf('}', StringComparison.Ordinal)], Regex.Escape(variable) + @":\s*(#[0-9a-fA-F]{6});").Groups[1].Value;
    }

    [GeneratedRegex(@"^  rating: \S+", RegexOptions.Multiline)]
    private static partial Regex RatingLine();

    [GeneratedRegex(@"<text [^>]*font-size=""44"" font-weight=""700"" fill=""(#[0-9a-fA-F]{6})"">([^<]*)</text>")]
    private static partial Regex VerdictText();
}
