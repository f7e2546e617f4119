using System.Globalization;
using FactDossier.Charts;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Who answers whom, as a matrix: a row per person who answered a statement, a column per person whose statement was
/// answered, in each cell a mark per relation with its count. The most active people have rows and columns of their
/// own; at scale the rest are one row and one column, "others". Drawn for a wide column and for a phone's.
/// </summary>
internal static class AnswersChart
{
    // Up to these, everyone has a row and a column of their own (the seed's 21 and 9); past them the tail is noise to a
    // reader and weight to a phone: the most active few, and everyone else as "others".
    private const int MaxRows = 24;
    private const int MaxColumns = 10;
    private const int RowsAtScale = 12;
    private const int ColumnsAtScale = 8;
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

        var rows = Axis(context, answered.GroupBy(a => a.Key.From, a => a.Value, StringComparer.Ordinal), activity, MaxRows, RowsAtScale);
        var columns = Axis(context, answered.GroupBy(a => a.Key.To, a => a.Value, StringComparer.Ordinal), activity, MaxColumns, ColumnsAtScale);
        var (rowOf, columnOf) = (Places(rows), Places(columns));
        var entries = answered
            .GroupBy(a => (From: rowOf.GetValueOrDefault(a.Key.From, rows.Count - 1), To: columnOf.GetValueOrDefault(a.Key.To, columns.Count - 1), a.Key.Role), a => a.Value)
            .Select(g => (g.Key.From, g.Key.To, g.Key.Role, Count: g.Sum()))
            .OrderBy(e => e.From).ThenBy(e => e.To).ThenBy(e => Rank(e.Role))
            .ToList();
        var answers = entries.Select(e => new AnswersEntryView(rows[e.From], columns[e.To], e.Role, context.Strings[$"relation_{e.Role}"], e.Count)).ToList();
        var label = context.Strings["chart_answers_label"]
            .Replace("{answers}", total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{people}", activity.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new AnswersChartView("answers-chart", label, [Drawing(context, "wide", Column.Wide, rows, columns, answers, entries), Drawing(context, "narrow", Column.Narrow, rows, columns, answers, entries)], answers);
    }

    /// <summary>
    /// The people of one side, most answers first: all of them while they are at most <paramref name="most"/>, else the
    /// first <paramref name="atScale"/> and the rest one, "others", last.
    /// </summary>
    private static List<AnswersPersonView> Axis(PlanningContext context, IEnumerable<IGrouping<string, int>> counts, IReadOnlyDictionary<string, (PersonRef Person, int Count)> people,
        int most, int atScale)
    {
        var ordered = counts.Select(g => (Id: g.Key, Count: g.Sum())).OrderByDescending(p => p.Count).ThenBy(p => people[p.Id].Person.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var shown = ordered.Count > most ? atScale : ordered.Count;
        var axis = ordered.Take(shown).Select(p => new AnswersPersonView(p.Id, people[p.Id].Person.Name, people[p.Id].Person.Url)).ToList();
        if (ordered.Count > shown)
        {
            axis.Add(new AnswersPersonView(Others, context.Strings["chart_answers_others"]
                .Replace("{count}", (ordered.Count - shown).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), null));
        }

        return axis;
    }

    private static Dictionary<string, int> Places(List<AnswersPersonView> axis) =>
        axis.Select((p, i) => (p.Id, i)).Where(p => p.Id != Others).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private static int Rank(string relation) => relation switch { "contradicts" => 0, "qualifies" => 1, _ => 2 };

    private static AnswersDrawingView Drawing(PlanningContext context, string fit, double width, List<AnswersPersonView> rows, List<AnswersPersonView> columns,
        List<AnswersEntryView> answers, List<(int From, int To, string Role, int Count)> entries)
    {
        var counts = entries.CountBy(e => (e.From, e.To)).ToDictionary(c => c.Key, c => c.Value);
        // An entry: the mark's slot (as wide as an entry is high), a space, the widest count.
        var entryWidth = MatrixLayout.EntryHeight + 3 + TextWidth.Of(entries.Max(e => e.Count).ToString(CultureInfo.InvariantCulture), MatrixLayout.FontSize);
        var layout = MatrixLayout.Of([.. rows.Select(r => r.Name)], [.. columns.Select(c => c.Name)], counts, entryWidth, width, [context.Strings["chart_answers_columns"], context.Strings["chart_answers_rows"]],
            context.Strings["chart_answers_key"]);
        var byCell = entries.Select((e, i) => (e, i)).GroupBy(x => (x.e.From, x.e.To)).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToList());
        var marks = layout.Entries.Select(p =>
        {
            var answer = answers[byCell[(p.Row, p.Column)][p.Rank]];
            return new AnswersMarkView(answer.From.Id, answer.To.Id, answer.Relation, answer.Count, p.X, p.Y);
        }).ToList();
        var labels = layout.Labels.Select(l =>
        {
            var person = l.Kind switch { "column" or "heading" => columns[l.Index], "row" => rows[l.Index], _ => new AnswersPersonView(Others, string.Join(' ', l.Lines), null) };
            return new AnswersLabelView(l.Kind, person.Id, person.Name, person.Url, l.X, l.Y, l.Anchor, l.Lines);
        }).ToList();
        static ChartBoxView Box(MatrixLayout.Box b) => new(b.X, b.Y, b.Width, b.Height);
        return new AnswersDrawingView($"answers-chart-{fit}", fit, layout.Width, layout.Height, MatrixLayout.FontSize, MatrixLayout.LineHeight, labels,
            [.. layout.Stripes.Select(Box)], [.. layout.Rules.Select(Box)], marks);
    }
}
