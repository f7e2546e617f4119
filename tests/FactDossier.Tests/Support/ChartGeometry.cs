using System.Globalization;
using AngleSharp.Dom;
using FactDossier.Charts;

namespace FactDossier.Tests.Support;

/// <summary>
/// What a chart's drawn SVG puts where, read from its attributes as a browser would lay it out at a given width (places
/// in percent resolved against it, a <c>viewBox</c> scaled to it), with text measured by <see cref="TextWidth"/>: the
/// rules every chart of the theme keeps are arithmetic on this.
/// </summary>
public sealed record ChartGeometry(string Chart, double Width, IReadOnlyList<ChartGeometry.Text> Texts, IReadOnlyList<ChartGeometry.Mark> Marks, int Links)
{
    /// <summary>The most lines a chart may draw from one mark to another before it must aggregate them.</summary>
    public const int MostLinks = 40;

    /// <summary>The least size of a mark, in CSS pixels, at a phone's width.</summary>
    public const double LeastMark = 8;

    public readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) => X < other.X + other.Width - 0.01 && other.X < X + Width - 0.01 && Y < other.Y + other.Height - 0.01 && other.Y < Y + Height - 0.01;
    }

    /// <param name="FullName">The whole name the text stands for (its link's title), when the text is a name.</param>
    public sealed record Text(string Content, string? FullName, Box Box);

    public sealed record Mark(string What, Box Box);

    /// <summary>The drawing <paramref name="svg"/> as laid out <paramref name="width"/> pixels wide.</summary>
    public static ChartGeometry Of(IElement svg, double width)
    {
        var chart = svg.Closest("figure")?.ClassList.FirstOrDefault(c => c.EndsWith("-chart", StringComparison.Ordinal) && c != "chart") ?? "chart";
        var viewBox = svg.GetAttribute("viewBox")?.Split(' ').Select(Number).ToArray();
        // A viewBox is scaled to the width (its aspect kept unless told otherwise); percentages are of the width itself.
        var scale = viewBox is null ? 1 : width / viewBox[2];
        var scaleY = viewBox is null ? 1 : svg.GetAttribute("preserveAspectRatio") == "none" ? 1 : scale;
        double X(string? value) => value is null ? 0 : value.EndsWith('%') ? Number(value[..^1]) * width / 100 : Number(value) * scale;
        double Y(string? value) => value is null ? 0 : Number(value) * scaleY;
        var defaultSize = chart is "timeline-chart" or "replies-chart" ? 12 : MatrixLayout.FontSize; // site.css
        var fontSize = svg.GetAttribute("font-size") is { } size ? Number(size) : defaultSize;

        var texts = svg.QuerySelectorAll("text").Select(t =>
        {
            var lines = t.QuerySelectorAll("tspan").Select(s => s.TextContent).DefaultIfEmpty(t.TextContent).ToList();
            var bold = t.ClassList.Contains("person-heading") || t.ClassList.Contains("mark-number");
            var drawn = fontSize * scale;
            var lineWidth = lines.Max(l => TextWidth.Of(l, fontSize)) * (bold ? MatrixLayout.Bold : 1) * scale;
            var x = X(t.GetAttribute("x")) + (t.HasAttribute("dx") ? Number(t.GetAttribute("dx")!) * scale : 0);
            var left = t.GetAttribute("text-anchor") switch { "middle" => x - (lineWidth / 2), "end" => x - lineWidth, _ => x };
            var lineStep = t.QuerySelectorAll("tspan[dy]").Select(s => Number(s.GetAttribute("dy")!)).FirstOrDefault() * scaleY;
            var baseline = Y(t.GetAttribute("y"));
            // DejaVu Sans: ascent 0.93 em, descent 0.24 em.
            var box = new Box(left, baseline - (0.93 * drawn), lineWidth, (1.17 * drawn) + ((lines.Count - 1) * lineStep));
            return new Text(string.Join(' ', lines), t.Closest("a")?.QuerySelector("title")?.TextContent, box);
        }).ToList();

        var marks = new List<Mark>();
        foreach (var shape in svg.QuerySelectorAll(".mark, .segment, use").Where(e => e.Closest("defs") is null && e.Closest("pattern") is null))
        {
            var what = shape.ClassList.FirstOrDefault(c => c.StartsWith("mark-", StringComparison.Ordinal) || c.StartsWith("segment-", StringComparison.Ordinal)) ?? shape.LocalName;
            if (shape.LocalName == "a")
            {
                continue; // a link around a mark: its shape is the mark
            }

            var element = shape;
            var (dx, dy) = (0.0, 0.0);
            if (shape.LocalName == "use")
            {
                element = svg.QuerySelector("#" + shape.GetAttribute("href")![1..])!;
                (dx, dy) = (X(shape.GetAttribute("x")), Y(shape.GetAttribute("y")));
                what = element.ClassList.First(c => c.StartsWith("mark-", StringComparison.Ordinal));
            }

            var box = Bounds(element, X, Y);
            marks.Add(new Mark(what, box with { X = box.X + dx, Y = box.Y + dy }));
        }

        var links = svg.QuerySelectorAll("path.edge, line.link, path.link").Length;
        return new ChartGeometry(chart, width, texts, marks, links);
    }

    private static Box Bounds(IElement shape, Func<string?, double> x, Func<string?, double> y)
    {
        switch (shape.LocalName)
        {
            case "rect":
                return new Box(x(shape.GetAttribute("x")), y(shape.GetAttribute("y")), x(shape.GetAttribute("width")), y(shape.GetAttribute("height")));
            case "circle":
                var r = Number(shape.GetAttribute("r")!);
                return new Box(x(shape.GetAttribute("cx")) - r, y(shape.GetAttribute("cy")) - r, 2 * r, 2 * r);
            case "polygon":
                var points = shape.GetAttribute("points")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(','))
                    .Select(p => (X: x(p[0]), Y: y(p[1]))).ToList();
                return new Box(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X) - points.Min(p => p.X), points.Max(p => p.Y) - points.Min(p => p.Y));
            default:
                throw new InvalidOperationException($"no bounds for <{shape.LocalName}>");
        }
    }

    /// <summary>Every broken rule, in words; none when the chart keeps them all.</summary>
    /// <param name="phone">Whether the width is a phone's, where marks must be at least <see cref="LeastMark"/> pixels.</param>
    public IReadOnlyList<string> Problems(bool phone)
    {
        var problems = new List<string>();
        foreach (var text in Texts.Where(t => t.Content.Contains('…', StringComparison.Ordinal)))
        {
            if (text.FullName is null || TextWidth.Of(text.FullName, MatrixLayout.FontSize) <= Width)
            {
                problems.Add($"{Chart} at {Width}: \"{text.Content}\" is cut though its whole name fits the figure");
            }
        }

        for (var i = 0; i < Texts.Count; i++)
        {
            for (var j = i + 1; j < Texts.Count; j++)
            {
                if (Texts[i].Box.Overlaps(Texts[j].Box))
                {
                    problems.Add($"{Chart} at {Width}: \"{Texts[i].Content}\" {Texts[i].Box} overlaps \"{Texts[j].Content}\" {Texts[j].Box}");
                }
            }
        }

        problems.AddRange(Texts.Where(t => t.Box.X < -0.5 || t.Box.X + t.Box.Width > Width + 0.5).Select(t => $"{Chart} at {Width}: \"{t.Content}\" {t.Box} runs out of the figure"));
        if (phone)
        {
            problems.AddRange(Marks.Where(m => m.Box.Width < LeastMark - 0.01 || m.Box.Height < LeastMark - 0.01).Select(m => $"{Chart} at {Width}: a {m.What} mark is {m.Box.Width:0.##} × {m.Box.Height:0.##} px"));
        }

        if (Links > MostLinks)
        {
            problems.Add($"{Chart}: {Links} links drawn, more than {MostLinks}");
        }

        return problems;
    }

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
