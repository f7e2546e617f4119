using System.Globalization;
using System.Text.RegularExpressions;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Rendering;

/// <summary>
/// The theme's colours, read from assets/site.css, in each of its palettes (light, dark, printed): what the charts draw
/// holds WCAG 2.1's 3:1 for graphics against the page (1.4.11; a texture's lines are the page's colour, so the same
/// pair), and their text 4.5:1 (1.4.3). axe checks text on real pages, but not the shapes of an SVG.
/// </summary>
public sealed partial class ThemeContrastTests
{
    private static readonly string[] Shapes = ["--supports", "--qualifies", "--contradicts", "--muted", "--statement", "--link"];
    private static readonly string[] Text = ["--fg", "--muted", "--link"];

    public static TheoryData<string> Palettes() => ["light", "dark", "print"];

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Chart_shapes_stand_out_at_3_to_1_and_chart_text_at_4_5_to_1_from_the_page(string palette)
    {
        var colours = Palette(palette);
        Assert.All(Shapes, v => Assert.True(Contrast(colours[v], colours["--bg"]) >= 3.0, $"{palette}: {v} {colours[v]} on {colours["--bg"]}: {Contrast(colours[v], colours["--bg"]):0.00}"));
        Assert.All(Text, v => Assert.True(Contrast(colours[v], colours["--bg"]) >= 4.5, $"{palette}: {v} {colours[v]} on {colours["--bg"]}: {Contrast(colours[v], colours["--bg"]):0.00}"));
    }

    /// <summary>
    /// Every tone a rating may take (site.yml) is drawn by its own rules, whatever the rating's key: a badge whose text
    /// holds 4.5:1 on its background, and chart shapes that hold 3:1 on the page, in every palette.
    /// </summary>
    [Theory]
    [MemberData(nameof(Palettes))]
    public void Every_tone_has_a_badge_and_chart_colour_that_hold_the_contrast_rules(string palette)
    {
        var colours = Palette(palette);
        var css = Css();
        foreach (var tone in FactDossier.Model.RatingTones.All)
        {
            var badge = Rule(css, $".verdict-{tone}");
            var text = colours[Variable(badge, "color")];
            var background = Variable(badge, "background") is { Length: > 0 } bg ? colours[bg] : colours["--bg"]; // transparent: the page
            Assert.True(Contrast(text, background) >= 4.5, $"{palette}: .verdict-{tone} {text} on {background}: {Contrast(text, background):0.00}");
            var shape = colours[Variable(Rule(css, $".segment-{tone}"), "fill")];
            Assert.True(Contrast(shape, colours["--bg"]) >= 3.0, $"{palette}: .segment-{tone} {shape} on {colours["--bg"]}: {Contrast(shape, colours["--bg"]):0.00}");
        }
    }

    private static string Rule(string css, string selector)
    {
        var at = css.IndexOf(selector + " {", StringComparison.Ordinal);
        Assert.True(at >= 0, $"site.css has no rule for {selector}");
        return Block(css[at..], "{");
    }

    /// <summary>The variable a declaration of a rule takes (<c>color: var(--supports)</c>), or "" when it takes none.</summary>
    private static string Variable(string rule, string property) =>
        Regex.Match(rule, @"(?:^|[;\s])" + property + @":\s*var\((--[a-z-]+)\)") is { Success: true } m ? m.Groups[1].Value : "";

    [Fact]
    public void The_dark_palette_is_for_screens_only_so_that_a_page_printed_from_a_dark_screen_stays_light() =>
        Assert.Matches(@"@media screen and \(prefers-color-scheme: dark\)", Css());

    /// <summary>The light palette, with the dark or print block's variables over it.</summary>
    private static Dictionary<string, string> Palette(string name)
    {
        var css = Css();
        var colours = Variables(Block(css, ":root {"));
        if (name != "light")
        {
            var media = css.IndexOf(name == "dark" ? "(prefers-color-scheme: dark)" : "@media print", StringComparison.Ordinal);
            Assert.True(media >= 0, name);
            foreach (var (key, value) in Variables(Block(css[media..], ":root {")))
            {
                colours[key] = value;
            }
        }

        return colours;
    }

    private static string Css() => File.ReadAllText(Path.Combine(RepositoryPaths.Theme, "assets", "site.css"));

    private static string Block(string css, string opening)
    {
        var start = css.IndexOf(opening, StringComparison.Ordinal) + opening.Length;
        return css[start..css.IndexOf('}', start)];
    }

    private static Dictionary<string, string> Variables(string block) =>
        HexVariable().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        hex = hex.TrimStart('#');
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    [GeneratedRegex(@"(--[a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;")]
    private static partial Regex HexVariable();
}
