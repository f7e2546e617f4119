namespace FactDossier.Charts;

/// <summary>
/// Marks on a day axis that would touch are put one above the other: each mark's lane, from 0, the lowest in which every
/// mark already there is at least <c>gap</c> days away (a gap of 1: only marks of the same day share no lane).
/// </summary>
public static class DayLanes
{
    public static IReadOnlyList<int> Of(IReadOnlyList<int> days, double gap = 1)
    {
        var lanes = new List<List<int>>();
        var result = new int[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            var lane = lanes.FindIndex(l => l.TrueForAll(d => Math.Abs(d - days[i]) >= gap));
            if (lane < 0)
            {
                lanes.Add([]);
                lane = lanes.Count - 1;
            }

            lanes[lane].Add(days[i]);
            result[i] = lane;
        }

        return result;
    }
}
