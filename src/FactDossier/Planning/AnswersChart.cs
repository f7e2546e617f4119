using System.Globalization;
using FactDossier.Charts;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Who answers whom: an edge from each counter-statement's speaker to the statement's speaker, counted by relation.
/// The most active people are drawn; at scale the rest are one node, "others".
/// </summary>
internal static class AnswersChart
{
    private const int MaxPeople = 12;
    private const int Width = 760;
    private const int Height = 460;
    private const double Radius = 150;
    private const double NodeRadius = 9;
    private const string Others = "";

    public static AnswersChartView? Of(PlanningContext context)
    {
        var tally = context.Tally; // counted as claims change, not again at every edit
        if (tally.AnswersAsBefore && context.Reuse?.Value<AnswersChartView>("home", "answers_chart") is { } kept)
        {
            return kept;
        }

        var (answered, activity, total) = (tally.Answers, tally.Answering, tally.AnswerCount);
        if (total == 0)
        {
            return null;
        }

        var drawn = activity.OrderByDescending(a => a.Value.Count).ThenBy(a => a.Key, StringComparer.Ordinal).Take(MaxPeople).Select(a => a.Key)
            .ToHashSet(StringComparer.Ordinal);
        var organisations = context.Dossier.People.ToDictionary(p => p.Id, p => p.Organisation ?? p.Name, StringComparer.Ordinal);
        // Grouped by organisation, so that a side's speakers sit together; "others" last.
        var order = drawn.OrderBy(id => organisations.GetValueOrDefault(id, ""), StringComparer.Ordinal).ThenBy(id => activity[id].Person.Name, StringComparer.Ordinal).ToList();
        if (activity.Count > drawn.Count)
        {
            order.Add(Others);
        }

        var points = CircleLayout.Points(order.Count, Width / 2.0, Height / 2.0, Radius);
        var nodes = order.Select((id, i) =>
        {
            var (x, y) = (points[i].X, points[i].Y);
            var right = x >= Width / 2.0;
            var name = id == Others
                ? context.Strings["chart_answers_others"].Replace("{count}", (activity.Count - drawn.Count).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                : activity[id].Person.Name;
            return new AnswersNodeView(id, name, id == Others ? null : activity[id].Person.Url, x, y, right ? x + 14 : x - 14, right ? "start" : "end");
        }).ToDictionary(n => n.Id, StringComparer.Ordinal);

        string Node(string id) => drawn.Contains(id) ? id : Others;
        var edges = answered
            .GroupBy(a => (From: Node(a.Key.From), To: Node(a.Key.To), a.Key.Role), a => a.Value)
            .Where(g => g.Key.From != g.Key.To)
            .OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal).ThenBy(g => g.Key.Role, StringComparer.Ordinal)
            .Select(g =>
            {
                var (from, to) = (nodes[g.Key.From], nodes[g.Key.To]);
                var bend = g.Key.Role switch { "contradicts" => 18, "qualifies" => 32, _ => 46 }; // answers of several kinds stay apart
                var (start, control, end) = CircleLayout.Curve(new(from.X, from.Y), new(to.X, to.Y), NodeRadius + 3, bend);
                var path = FormattableString.Invariant($"M{start.X} {start.Y} Q{control.X} {control.Y} {end.X} {end.Y}");
                var count = g.Sum();
                return new AnswersEdgeView(from, to, g.Key.Role, context.Strings[$"relation_{g.Key.Role}"], count, path, Math.Round(1.5 + Math.Log2(count), 2));
            })
            .ToList();
        var label = context.Strings["chart_answers_label"]
            .Replace("{answers}", total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{people}", activity.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new AnswersChartView("answers-chart", label, Width, Height, [.. order.Select(id => nodes[id])], edges);
    }
}
