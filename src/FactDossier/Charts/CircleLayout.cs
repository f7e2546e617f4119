namespace FactDossier.Charts;

/// <summary>Points spread evenly on a circle, the first at the top, clockwise: where a diagram's nodes go.</summary>
public static class CircleLayout
{
    public readonly record struct Point(double X, double Y);

    public static IReadOnlyList<Point> Points(int count, double centreX, double centreY, double radius) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var angle = (2 * Math.PI * i / Math.Max(1, count)) - (Math.PI / 2);
            return new Point(Math.Round(centreX + (radius * Math.Cos(angle)), 2), Math.Round(centreY + (radius * Math.Sin(angle)), 2));
        })];

    /// <summary>
    /// A curve from one point to another, both pulled back by <paramref name="gap"/> (the nodes' radius), bending to the
    /// right of its direction by <paramref name="bend"/>: the answer from A to B and the one from B to A do not overlap.
    /// </summary>
    public static (Point From, Point Control, Point To) Curve(Point from, Point to, double gap, double bend)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var length = Math.Max(1e-9, Math.Sqrt((dx * dx) + (dy * dy)));
        var (ux, uy) = (dx / length, dy / length);
        var start = new Point(Math.Round(from.X + (ux * gap), 2), Math.Round(from.Y + (uy * gap), 2));
        var end = new Point(Math.Round(to.X - (ux * gap), 2), Math.Round(to.Y - (uy * gap), 2));
        var control = new Point(Math.Round(((from.X + to.X) / 2) - (uy * bend), 2), Math.Round(((from.Y + to.Y) / 2) + (ux * bend), 2));
        return (start, control, end);
    }
}
