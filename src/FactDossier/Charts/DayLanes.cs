namespace FactDossier.Charts;

/// <summary>Marks on a day axis that fall on the same day are put one above the other: each mark's lane, from 0.</summary>
public static class DayLanes
{
    public static IReadOnlyList<int> Of(IReadOnlyList<int> days)
    {
        var taken = new Dictionary<int, int>();
        var lanes = new int[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            lanes[i] = taken.GetValueOrDefault(days[i]);
            taken[days[i]] = lanes[i] + 1;
        }

        return lanes;
    }
}
