namespace FactDossier.Building;

/// <summary>Every file of the theme with its size and modification time: equal stamps, same theme.</summary>
internal sealed record ThemeStamp(string Files)
{
    public static ThemeStamp Of(string theme) =>
        new(Directory.Exists(theme)
            ? string.Join('\n', Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new FileInfo(f)).Select(f => FormattableString.Invariant($"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}")))
            : "");
}
