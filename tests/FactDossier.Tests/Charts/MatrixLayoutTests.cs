using FactDossier.Charts;

namespace FactDossier.Tests.Charts;

public sealed class TextWidthTests
{
    [Fact]
    public void Text_is_measured_by_DejaVu_Sans_advances_accents_on_their_letters_and_unknown_characters_wide()
    {
        Assert.Equal(0.613 * 10, TextWidth.Of("a", 10), 3);
        Assert.Equal(TextWidth.Of("Cavusoglu", 14), TextWidth.Of("Çavuşoğlu", 14), 3);
        Assert.Equal(TextWidth.Of("'", 14), TextWidth.Of("’", 14), 3);
        Assert.Equal(14, TextWidth.Of("→", 14), 3);
        Assert.Equal(95, Enumerable.Range(0x20, 95).Select(c => TextWidth.Of(((char)c).ToString(), 1000)).Count(w => w is > 200 and <= 1000));
    }

    [Fact]
    public void Text_is_wrapped_between_words_and_never_cut()
    {
        var lines = TextWidth.Wrap("Ministry of Foreign Affairs of the Russian Federation", 200, 14);

        Assert.Equal("Ministry of Foreign Affairs of the Russian Federation", string.Join(' ', lines));
        Assert.All(lines, l => Assert.True(TextWidth.Of(l, 14) <= 200, l));
        Assert.Equal(["Konashenkov"], TextWidth.Wrap("Konashenkov", 10, 14)); // a word wider than the line stays whole
    }
}

public sealed class MatrixLayoutTests
{
    private static readonly string[] People = ["Dmitry Peskov", "Ministry of Foreign Affairs of the Russian Federation", "Hanna Maliar", "John Kirby"];
    private static readonly string[] Spoke = ["Jens Stoltenberg", "The article (unattributed wire text)", "Alexander Fomin", "Ukraine's delegation at the Istanbul talks", "Government of Ukraine"];

    private static readonly Dictionary<(int Row, int Column), int> Entries = new() { [(0, 0)] = 1, [(0, 1)] = 3, [(1, 3)] = 1, [(2, 2)] = 2, [(3, 2)] = 1, [(3, 4)] = 1 };

    private static MatrixLayout.Layout Of(double width) => MatrixLayout.Of(People, Spoke, Entries, 40, width, ["Whose statement →", "Who answered ↓"], "Under each name, who answered:");

    [Theory]
    [InlineData(1120)]
    [InlineData(343)]
    [InlineData(600)]
    public void No_two_labels_overlap_none_leaves_the_width_and_every_name_is_whole(double width)
    {
        var layout = Of(width);

        for (var i = 0; i < layout.Labels.Count; i++)
        {
            Assert.InRange(layout.Labels[i].Box.X, 0, width);
            Assert.InRange(layout.Labels[i].Box.X + layout.Labels[i].Box.Width, 0, width + 0.01);
            for (var j = i + 1; j < layout.Labels.Count; j++)
            {
                Assert.False(layout.Labels[i].Box.Overlaps(layout.Labels[j].Box), $"{string.Join(' ', layout.Labels[i].Lines)} / {string.Join(' ', layout.Labels[j].Lines)}");
            }
        }

        Assert.All(layout.Labels.Where(l => l.Kind == "row"), l => Assert.Equal(People[l.Index], string.Join(' ', l.Lines)));
        Assert.All(layout.Labels.Where(l => l.Kind is "column" or "heading"), l => Assert.Equal(Spoke[l.Index], string.Join(' ', l.Lines)));
        Assert.Equal(Entries.Values.Sum(), layout.Entries.Count);
    }

    [Fact]
    public void A_wide_column_holds_one_block_of_every_column_and_row_a_phones_a_heading_per_column_over_its_rows_only()
    {
        var wide = Of(1120);
        Assert.Equal(1, wide.Blocks);
        Assert.Equal(People.Length, wide.Labels.Count(l => l.Kind == "row"));
        Assert.Equal(Spoke.Length, wide.Labels.Count(l => l.Kind == "column"));
        Assert.Equal(2, wide.Labels.Single(l => l.Kind == "corner").Lines.Count);

        var phone = Of(343);
        Assert.Equal(Spoke.Length, phone.Blocks);
        Assert.Equal(Spoke.Length, phone.Labels.Count(l => l.Kind == "heading"));
        Assert.Equal(Entries.Keys.Count, phone.Labels.Count(l => l.Kind == "row")); // each row under the columns it has entries in
    }

    [Fact]
    public void A_cells_entries_go_one_under_the_other_in_its_row_and_column()
    {
        var layout = Of(1120);
        var cell = layout.Entries.Where(e => (e.Row, e.Column) == (0, 1)).OrderBy(e => e.Rank).ToList();

        Assert.Equal(3, cell.Count);
        Assert.Single(cell.Select(e => e.X).Distinct());
        Assert.Equal([MatrixLayout.EntryHeight, MatrixLayout.EntryHeight], cell.Zip(cell.Skip(1), (a, b) => b.Y - a.Y));
        var column = layout.Labels.Single(l => l.Kind == "column" && l.Index == 1);
        var row = layout.Labels.Single(l => l.Kind == "row" && l.Index == 0);
        Assert.InRange(cell[0].X, column.Box.X - 40, column.Box.X + column.Box.Width + 40);
        Assert.InRange(cell[0].Y, row.Box.Y, row.Box.Y + (3 * MatrixLayout.EntryHeight) + 8);
        Assert.Equal(1120, layout.Width);
    }
}
