using System.Globalization;
using FactDossier.Building;
using FactDossier.Diagnostics;
using FactDossier.Model;

namespace FactDossier.Publishing;

/// <summary>
/// The bytes of the site a build is about to publish, in all and by top-level folder, held to <c>max_site_size_mb</c>
/// of site.yml (GitHub Pages publishes no site over 1 GB). Checked before anything is put in place: under
/// <c>--strict</c> (the Pages workflow) a site too large is an error and output/ stays as it was.
/// </summary>
internal sealed record SiteSize(long Bytes, IReadOnlyList<(string Folder, long Bytes)> Folders)
{
    /// <summary>1 MB, as hosts count their limits.</summary>
    public const long Megabyte = 1_000_000;

    /// <summary>
    /// The size of <paramref name="files"/>; null when a file's length is not known (the preview's rebuilds, which keep
    /// no record of the files they did not write: the preview publishes nothing).
    /// </summary>
    public static SiteSize? Of(IEnumerable<string> files, Func<string, long?> lengthOf)
    {
        var folders = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var file in files)
        {
            if (lengthOf(file) is not { } length)
            {
                return null;
            }

            var slash = file.IndexOf('/', StringComparison.Ordinal);
            var folder = slash < 0 ? "" : file[..(slash + 1)];
            folders[folder] = folders.GetValueOrDefault(folder) + length;
            total += length;
        }

        return new SiteSize(total, [.. folders.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value))]);
    }

    /// <summary>The site's files as this build made them: the bytes written now, else the recorded length of the file left in place.</summary>
    public static SiteSize? Of(IEnumerable<string> files, ChangedFilesWriter writer, IReadOnlyDictionary<string, OutputFile>? recorded) =>
        Of(files, file => writer.Lengths.TryGetValue(file, out var length) ? length
            : recorded is not null && recorded.TryGetValue(file, out var left) ? left.Stamp.Length : null);

    /// <summary>FD0407 when the site is larger than the settings allow, naming its largest folders.</summary>
    public static IEnumerable<Diagnostic> Check(SiteSize? size, SiteSettings site)
    {
        var limit = site.MaxSiteSizeMb * Megabyte;
        if (size is null || size.Bytes <= limit)
        {
            yield break;
        }

        var largest = string.Join(", ", size.Folders.Take(4).Select(f => $"{(f.Folder.Length == 0 ? "files at the top" : f.Folder)} {Mb(f.Bytes)}"));
        yield return new Diagnostic(DiagnosticCode.SiteTooLarge, site.Span,
            $"the site is {Mb(size.Bytes)}, over max_site_size_mb ({site.MaxSiteSizeMb.ToString("N0", CultureInfo.InvariantCulture)} MB); largest folders: {largest}",
            "GitHub Pages publishes no site over 1 GB: share_cards: false leaves out the share images (share/); raise max_site_size_mb in input/site.yml only for a host that takes more");
    }

    private static string Mb(long bytes) => $"{(bytes / (double)Megabyte).ToString("N1", CultureInfo.InvariantCulture)} MB";
}
