namespace FactDossier.Charts;

/// <summary>
/// The width of the theme's main column, in CSS pixels (theme/assets/site.css: <c>main</c> at most 72rem wide with 1rem
/// of padding on each side): what a chart drawn for a window of that width has to fill.
/// </summary>
public static class Column
{
    /// <summary>A 1280-px window: 72rem less the padding.</summary>
    public const double Wide = 1120;

    /// <summary>A 375-px phone: its width less the padding.</summary>
    public const double Narrow = 343;
}
