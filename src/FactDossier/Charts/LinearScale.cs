namespace FactDossier.Charts;

/// <summary>
/// Lengths in proportion to quantities, from zero: a bar of twice the count is twice as long. Quantities up to
/// <paramref name="Max"/> fill <paramref name="Length"/> units.
/// </summary>
public readonly record struct LinearScale(int Max, double Length)
{
    public double Of(int quantity) => Max == 0 ? 0 : quantity * Length / Max;
}
