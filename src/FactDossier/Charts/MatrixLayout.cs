namespace FactDossier.Charts;

/// <summary>
/// A matrix laid out for a given width: labelled rows, labelled columns, and in each cell a few entries one under the
/// other (a mark and its count). Labels are wrapped between words, never cut. When the columns do not fit beside the
/// row labels they are dealt into blocks stacked one under the other, each listing only the rows that have entries in
/// it; when not even two fit, each block is one column whose label spans the width, as a heading over its rows.
/// </summary>
public static class MatrixLayout
{
    public const double FontSize = 14;
    public const double LineHeight = 18;
    public const double EntryHeight = 22;

    /// <summary>Between the row labels and the cells, and on either side of a column's contents.</summary>
    public const double Gap = 8;

    private const double RowPad = 4;
    private const double BlockGap = 24;

    /// <summary>The row labels' share of the width while the columns need the rest.</summary>
    private const double LabelShare = 0.3;

    /// <summary>The least share of the width the row labels keep before the columns are dealt into blocks.</summary>
    private const double LeastLabelShare = 0.18;

    /// <summary>How much wider bold text is than regular, at most (DejaVu Sans Bold against Book: 1.13 on average).</summary>
    public const double Bold = 1.15;

    /// <summary>A first baseline below the top of a line box of <see cref="LineHeight"/>.</summary>
    private const double Baseline = LineHeight - 5;

    public readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) => X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }

    /// <param name="Index">The row's or column's place in the input (the corner's: -1).</param>
    /// <param name="Kind"><c>row</c>, <c>column</c>, <c>heading</c> (a column's label over its block, drawn bold), or <c>corner</c>: the words
    /// over the row labels that say what rows and columns are.</param>
    /// <param name="X">Where the lines start (anchor <c>start</c>) or their middle (<c>middle</c>).</param>
    /// <param name="Y">The first line's baseline; each next line is <see cref="LineHeight"/> lower.</param>
    /// <param name="Box">The lines' box, for the rule that no two labels overlap.</param>
    public sealed record Label(int Index, string Kind, double X, double Y, string Anchor, IReadOnlyList<string> Lines, Box Box);

    /// <summary>The <paramref name="Rank"/>th entry of a cell, from the top: its mark's centre (its count follows it).</summary>
    public readonly record struct Entry(int Row, int Column, int Rank, double X, double Y);

    /// <param name="Stripes">Every other row's band, so that the eye keeps to a row across the columns.</param>
    /// <param name="Rules">A vertical line at the left of each column, from its label's foot to its block's last row.</param>
    public sealed record Layout(double Width, double Height, int Blocks, IReadOnlyList<Label> Labels, IReadOnlyList<Box> Stripes, IReadOnlyList<Box> Rules,
        IReadOnlyList<Entry> Entries);

    private sealed record Plan(double LabelWidth, IReadOnlyList<int[]> Blocks, double[] ColumnWidths, bool Headings);

    /// <param name="entries">How many entries each cell holds, by (row, column); cells not listed are empty.</param>
    /// <param name="entryWidth">An entry's width: its mark and the widest count.</param>
    /// <param name="corner">Said over the row labels, beside the first columns' labels, each on lines of its own (not when the columns are headings).</param>
    /// <param name="key">Said over the blocks instead when the columns are headings: what the headings and their rows are.</param>
    public static Layout Of(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyDictionary<(int Row, int Column), int> entries,
        double entryWidth, double width, IReadOnlyList<string> corner, string key)
    {
        var plan = Choose([.. rows, .. corner], columns, entryWidth, width);
        var labels = new List<Label>();
        var (stripes, rules, placed) = (new List<Box>(), new List<Box>(), new List<Entry>());
        var y = 0.0;
        if (plan.Headings)
        {
            var lines = TextWidth.Wrap(key, width, FontSize);
            labels.Add(new Label(-1, "corner", 0, Baseline, "start", lines, new Box(0, 0, Round(Widest(lines)), lines.Count * LineHeight)));
            y = lines.Count * LineHeight;
        }

        foreach (var block in plan.Blocks)
        {
            y += y > 0 ? BlockGap : 0;
            var left = new double[block.Length];
            for (var i = 0; i < block.Length; i++)
            {
                left[i] = plan.Headings ? width - plan.ColumnWidths[block[i]] : (i == 0 ? plan.LabelWidth + Gap : left[i - 1] + plan.ColumnWidths[block[i - 1]]);
            }

            y = Headers(columns, block, left, plan, width, y, labels, plan.Headings || y > 0 ? null : corner);
            var inBlock = plan.Blocks.Count == 1 ? Enumerable.Range(0, rows.Count) : Enumerable.Range(0, rows.Count).Where(r => block.Any(c => entries.ContainsKey((r, c))));
            var top = y;
            var striped = false;
            foreach (var r in inBlock)
            {
                var lines = TextWidth.Wrap(rows[r], plan.LabelWidth, FontSize);
                var most = block.Select(c => entries.GetValueOrDefault((r, c))).Max();
                var height = Math.Max(lines.Count * LineHeight, Math.Max(1, most) * EntryHeight) + (2 * RowPad);
                if (striped = !striped)
                {
                    stripes.Add(new Box(0, Round(y), width, Round(height)));
                }

                labels.Add(new Label(r, "row", 0, Round(y + RowPad + Baseline), "start", lines, new Box(0, Round(y + RowPad), Round(Widest(lines)), lines.Count * LineHeight)));
                for (var i = 0; i < block.Length; i++)
                {
                    var x = left[i] + ((plan.ColumnWidths[block[i]] - entryWidth) / 2) + (EntryHeight / 2);
                    for (var rank = 0; rank < entries.GetValueOrDefault((r, block[i])); rank++)
                    {
                        placed.Add(new Entry(r, block[i], rank, Round(x), Round(y + RowPad + (rank * EntryHeight) + (EntryHeight / 2))));
                    }
                }

                y += height;
            }

            rules.AddRange(left.Select(x => new Box(Round(x), Round(top), 0, Round(y - top))));
        }

        return new Layout(width, Round(y), plan.Blocks.Count, labels, stripes, rules, placed);
    }

    /// <summary>
    /// The columns' labels of a block, wrapped to their column (or to the width, as headings), their last lines on one
    /// baseline, and the corner's words over the row labels.
    /// </summary>
    private static double Headers(IReadOnlyList<string> columns, int[] block, double[] left, Plan plan, double width, double y, List<Label> labels, IReadOnlyList<string>? corner)
    {
        // Headings are drawn bold: measured as if a little wider than regular text.
        var wrapped = block.Select(c => TextWidth.Wrap(columns[c], plan.Headings ? width / Bold : plan.ColumnWidths[c] - (2 * Gap), FontSize)).ToList();
        List<string> cornerLines = corner is null ? [] : [.. corner.SelectMany(c => TextWidth.Wrap(c, plan.LabelWidth, FontSize))];
        var most = Math.Max(cornerLines.Count, wrapped.Max(l => l.Count));
        if (cornerLines.Count > 0)
        {
            var top = y + ((most - cornerLines.Count) * LineHeight);
            labels.Add(new Label(-1, "corner", 0, Round(top + Baseline), "start", cornerLines, new Box(0, Round(top), Round(Widest(cornerLines)), cornerLines.Count * LineHeight)));
        }

        for (var i = 0; i < block.Length; i++)
        {
            var lines = wrapped[i];
            var top = y + ((most - lines.Count) * LineHeight);
            var lineWidth = Widest(lines) * (plan.Headings ? Bold : 1);
            var (x, anchor, boxX) = plan.Headings ? (0.0, "start", 0.0) : (left[i] + (plan.ColumnWidths[block[i]] / 2), "middle", left[i] + ((plan.ColumnWidths[block[i]] - lineWidth) / 2));
            labels.Add(new Label(block[i], plan.Headings ? "heading" : "column", Round(x), Round(top + Baseline), anchor, lines, new Box(Round(boxX), Round(top), Round(lineWidth), lines.Count * LineHeight)));
        }

        return y + (most * LineHeight) + RowPad;
    }

    /// <summary>How wide the row labels (and the corner's lines over them) are, and how the columns are dealt into blocks.</summary>
    private static Plan Choose(IReadOnlyList<string> rows, IReadOnlyList<string> columns, double entryWidth, double width)
    {
        var natural = rows.Select(r => TextWidth.Of(r, FontSize)).DefaultIfEmpty(0).Max();
        var word = rows.Select(r => TextWidth.WidestWord(r, FontSize)).DefaultIfEmpty(0).Max();
        var label = Math.Max(word, Math.Min(natural, width * LabelShare));
        var need = columns.Select(c => Math.Max(entryWidth, TextWidth.WidestWord(c, FontSize)) + (2 * Gap)).ToArray();
        // One block while the row labels keep a fair width (wrapped onto more lines) beside every column.
        var least = Math.Max(word, Math.Min(natural, width * LeastLabelShare));
        if (least + Gap + need.Sum() <= width)
        {
            // The row labels take up to their usual share of what the columns leave; the columns share the rest.
            var spare = width - Gap - need.Sum();
            var taken = Math.Max(least, Math.Min(label, spare));
            var share = (spare - taken) / need.Length;
            return new Plan(taken, [[.. Enumerable.Range(0, columns.Count)]], [.. need.Select(n => n + share)], false);
        }

        var room = width - label - Gap;
        var fit = (int)Math.Floor(room / need.Max());
        if (fit >= 3)
        {
            var blocks = (columns.Count + fit - 1) / fit;
            var size = (columns.Count + blocks - 1) / blocks; // as even as they can be
            return new Plan(label, [.. Enumerable.Range(0, columns.Count).Chunk(size)], [.. need.Select(_ => room / size)], false);
        }

        // One column a block: its label is a heading over the rows, which have all the width but the cells'.
        var cell = entryWidth + (2 * Gap);
        return new Plan(width - Gap - cell, [.. Enumerable.Range(0, columns.Count).Select(c => new[] { c })], [.. need.Select(_ => cell)], true);
    }

    private static double Widest(IReadOnlyList<string> lines) => lines.Select(l => TextWidth.Of(l, FontSize)).DefaultIfEmpty(0).Max();

    private static double Round(double value) => Math.Round(value, 2);
}
