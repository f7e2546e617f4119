using FactDossier.Charts;

namespace FactDossier.Tests.Charts;

public sealed class StackedBarTests
{
    [Theory]
    [InlineData(new[] { 9, 5, 1, 1, 8 }, 1000)]
    [InlineData(new[] { 1, 1, 1 }, 1000)]
    [InlineData(new[] { 0, 7, 0, 3 }, 10)]
    [InlineData(new[] { 10000, 1 }, 1000)]
    public void Segments_follow_each_other_and_fill_the_bar_exactly(int[] counts, int length)
    {
        var segments = StackedBar.Segments(counts, length);

        Assert.Equal(counts.Length, segments.Count);
        Assert.Equal(0, segments[0].Start);
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].Start + segments[i - 1].Length, segments[i].Start);
        }

        Assert.Equal(length, segments.Sum(s => s.Length));
        var total = counts.Sum();
        for (var i = 0; i < counts.Length; i++)
        {
            // In proportion, to within the one unit a rounding can add.
            Assert.InRange(segments[i].Length, Math.Floor((double)counts[i] * length / total), Math.Ceiling((double)counts[i] * length / total));
            Assert.True(counts[i] > 0 || segments[i].Length == 0);
        }
    }

    [Fact]
    public void Equal_counts_break_ties_the_same_way_every_time()
    {
        Assert.Equal([new(0, 334), new(334, 333), new(667, 333)], StackedBar.Segments([1, 1, 1], 1000));
    }

    [Fact]
    public void No_count_draws_an_empty_bar_and_no_percent()
    {
        Assert.All(StackedBar.Segments([0, 0], 1000), s => Assert.Equal(0, s.Length));
        Assert.Equal(0, StackedBar.Percent(0, 0));
        Assert.Equal(38, StackedBar.Percent(9, 24));
    }
}

public sealed class DayColumnsTests
{
    [Fact]
    public void The_axis_has_every_day_from_the_first_to_the_last()
    {
        var days = DayColumns.Days(new DateOnly(2022, 3, 30), new DateOnly(2022, 4, 2));

        Assert.Equal([new DateOnly(2022, 3, 30), new DateOnly(2022, 3, 31), new DateOnly(2022, 4, 1), new DateOnly(2022, 4, 2)], days);
        Assert.Empty(DayColumns.Days(new DateOnly(2022, 4, 2), new DateOnly(2022, 3, 30)));
    }

    [Fact]
    public void A_column_stacks_its_counts_up_from_the_axis_on_the_charts_scale()
    {
        var pieces = DayColumns.Stack([2, 0, 1], new LinearScale(6, 120), baseline: 130);

        Assert.Equal([new DayColumns.Piece(0, 90, 40), new DayColumns.Piece(2, 70, 20)], pieces);
        Assert.Equal(0, new LinearScale(0, 120).Of(3)); // nothing to scale: nothing drawn
    }
}

public sealed class DayLanesTests
{
    [Fact]
    public void Marks_of_the_same_day_go_one_above_the_other_in_their_order()
    {
        Assert.Equal([0, 0, 1, 0, 2], DayLanes.Of([0, 1, 1, 3, 1]));
    }

    [Fact]
    public void Marks_closer_than_the_gap_share_no_lane()
    {
        // With a gap of 2.5 days, days 0 and 2 would touch; 0 and 3 do not.
        Assert.Equal([0, 1, 0, 1, 2], DayLanes.Of([0, 2, 3, 5, 4], gap: 2.5));
    }
}
