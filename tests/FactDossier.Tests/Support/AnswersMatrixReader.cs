using System.Globalization;
using AngleSharp.Dom;

namespace FactDossier.Tests.Support;

/// <summary>
/// Who answered whom, read off a drawing of the answers matrix as a reader reads it: each mark belongs to the row whose
/// name is level with it or just above it, and to the column whose name is above it (the nearest across, or the
/// heading of its block); its shape says the relation and the number beside it how many times.
/// </summary>
public static class AnswersMatrixReader
{
    /// <param name="From">The row's person (who answered), by the id the drawing gives their name; "" for "others".</param>
    /// <param name="To">The column's person (whose statement).</param>
    public sealed record Answer(string From, string FromName, string To, string ToName, string Relation, int Count);

    public static IReadOnlyList<Answer> Read(IElement svg)
    {
        var rows = Labels(svg, "text.person-row");
        var columns = Labels(svg, "text.person-column");
        var headings = Labels(svg, "text.person-heading");
        var answers = new List<Answer>();
        foreach (var shape in svg.QuerySelectorAll("rect.mark, polygon.mark"))
        {
            var (x, y) = Centre(shape);
            var relation = shape.ClassList.Single(c => c.StartsWith("mark-", StringComparison.Ordinal))["mark-".Length..];
            var count = svg.QuerySelectorAll("text.count").Where(t => Math.Abs(Number(t, "y") - 5 - y) < 1.5 && Number(t, "x") > x).MinBy(t => Number(t, "x"))!;
            var row = rows.Where(r => r.Top <= y).MaxBy(r => r.Top) ?? throw new InvalidOperationException($"no row at {y}");
            var column = headings.Count > 0
                ? headings.Where(h => h.Top < y).MaxBy(h => h.Top)!
                : columns.MinBy(c => Math.Abs(c.X - x))!;
            answers.Add(new Answer(row.Person, row.Name, column.Person, column.Name, relation, int.Parse(count.TextContent, CultureInfo.InvariantCulture)));
        }

        return answers;
    }

    private sealed record Label(string Person, string Name, double X, double Top);

    private static List<Label> Labels(IElement svg, string selector) =>
        [.. svg.QuerySelectorAll(selector).Select(t => new Label(t.GetAttribute("data-person")!, string.Join(' ', t.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            Number(t, "x"), Number(t, "y") - 13))];

    private static (double X, double Y) Centre(IElement shape)
    {
        if (shape.LocalName == "rect")
        {
            return (Number(shape, "x") + (Number(shape, "width") / 2), Number(shape, "y") + (Number(shape, "height") / 2));
        }

        var points = shape.GetAttribute("points")!.Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        // A diamond's centre is its points' middle; a triangle's mark is centred on its box's middle across and its apex's 9 px down.
        return ((points.Min(p => p[0]) + points.Max(p => p[0])) / 2, points.Min(p => p[1]) + 9);
    }

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
