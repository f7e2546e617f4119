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
