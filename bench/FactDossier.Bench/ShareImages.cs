using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Planning;
using FactDossier.Rendering;
using SkiaSharp;

namespace FactDossier.Bench;

/// <summary>
/// <c>bench share-images &lt;root&gt; &lt;theme&gt; [samples folder]</c>: every share image of a dossier (with a base URL)
/// drawn and encoded by each candidate encoder, one thread: bytes (median, mean, largest), CPU per image for the drawing
/// and the encoding, how many distinct files each gives, how far each file is from the drawn picture, and, in the samples
/// folder (100 images at most), each encoder's files side by side.
/// </summary>
public static class ShareImages
{
    private static readonly (string Name, Func<SKBitmap, byte[]> Encode)[] Encoders =
    [
        ("skia default (level 6, all filters)", b => Skia(b, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))),
        ("skia sub, level 3 (before)", b => Skia(b, new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))),
        ("skia sub, level 9", b => Skia(b, new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 9))),
        ("skia all filters, level 9", b => Skia(b, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))),
        ("palette 256, zlib 1", b => Palette(b, 1, ZLibCompressionStrategy.Default, 256)),
        ("palette 256, zlib 4", b => Palette(b, 4, ZLibCompressionStrategy.Default, 256)),
        ("palette 256, zlib 5", b => Palette(b, 5, ZLibCompressionStrategy.Default, 256)),
        ("palette 256, zlib 6", b => Palette(b, 6, ZLibCompressionStrategy.Default, 256)),
        ("palette 256, zlib 9", b => Palette(b, 9, ZLibCompressionStrategy.Default, 256)),
        
        ("palette 256, zlib rle", b => Palette(b, 9, ZLibCompressionStrategy.RunLengthEncoding, 256)),
        ("palette 128, zlib 6", b => Palette(b, 6, ZLibCompressionStrategy.Default, 128)),
        ("palette 64, zlib 6", b => Palette(b, 6, ZLibCompressionStrategy.Default, 64)),
        ("palette 32, zlib 6", b => Palette(b, 6, ZLibCompressionStrategy.Default, 32)),
        ("palette 16 (4 bits), zlib 6", b => Palette(b, 6, ZLibCompressionStrategy.Default, 16)),
        ("palette 16 (4 bits), zlib 9", b => Palette(b, 9, ZLibCompressionStrategy.Default, 16)),
        
        ("the tool's (ShareCardDrawer.Encode)", ShareCardDrawer.Encode),
    ];

    public static void Run(string root, string theme, string? samples)
    {
        var layout = InputLayout.Under(root, theme: theme);
        var bag = new DiagnosticBag();
        var loaded = DossierLoader.Load(layout).Dossier ?? throw new InvalidOperationException("the dossier does not load");
        var dossier = loaded with { Site = loaded.Site with { BaseUrl = new Uri("https://example.org/dossier/"), ShareCards = true } };
        var (anchored, _) = QuoteAnchorer.Anchor(dossier);
        var strings = UiStrings.Load(theme, dossier.Site.Language, layout, bag)!;
        var templates = TemplateSet.Load(theme, layout, bag)!;
        var plan = SitePlanner.Plan(anchored, strings, new SiteUrls("/dossier/"));
        var svgs = plan.ShareCards.Select(c => (c.OutputPath, Svg: templates.RenderFragment("share-card", c.Values, null, null, out _)!.Html)).ToList();
        using var drawer = ShareCardDrawer.Load(layout, bag) ?? throw new InvalidOperationException("no fonts");
        Console.WriteLine($"{svgs.Count} share images, {svgs.Select(s => s.Svg).Distinct(StringComparer.Ordinal).Count()} distinct SVGs");

        // As the build does: each picture drawn, encoded and let go, one after the other (keeping 1,000 bitmaps of 3 MB
        // would time the allocation of fresh memory instead). One thread, its own CPU time.
        drawer.Picture(svgs[0].Svg).Dispose(); // compiled before it is timed
        Console.WriteLine($"{"encoder",-38} {"median KB",10} {"mean KB",8} {"max KB",7} {"draw ms",8} {"encode ms",10} {"both ms",8} {"mean",6} {"distinct",9} {"pixels changed",15} {"largest error",14} {"mean error",10}");
        // ENCODERS=palette: only the encoders whose name holds that word.
        foreach (var (name, encode) in Encoders.Where(e => e.Name.Contains(Environment.GetEnvironmentVariable("ENCODERS") ?? "", StringComparison.Ordinal)))
        {
            var (sizes, draws, encodes, both, hashes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new HashSet<UInt128>());
            var (changed, largest, errors) = (0L, 0, 0L);
            foreach (var (path, svg) in svgs)
            {
                var t0 = ThreadCpu();
                using var bitmap = drawer.Picture(svg);
                var t1 = ThreadCpu();
                var png = encode(bitmap);
                var t2 = ThreadCpu();
                (draws, encodes, both) = ([.. draws, t1 - t0], [.. encodes, t2 - t1], [.. both, t2 - t0]);
                sizes.Add(png.Length / 1000.0);
                hashes.Add(XxHash128.HashToUInt128(png));
                var (c, l, e) = Difference(bitmap, png);
                (changed, largest, errors) = (changed + c, Math.Max(largest, l), errors + e);
                if (samples is not null && svgs.Count <= 100)
                {
                    var file = Path.Combine(samples, Slug(name), path);
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    File.WriteAllBytes(file, png);
                }
            }

            Console.WriteLine($"{name,-38} {Median(sizes),10:F1} {sizes.Average(),8:F1} {sizes.Max(),7:F1} {Median(draws),8:F2} {Median(encodes),10:F2} {Median(both),8:F2} {both.Average(),6:F2} {hashes.Count,9} {changed * 100.0 / (svgs.Count * 1200L * 630),14:F3}% {largest,14} {(changed == 0 ? 0 : errors / (double)changed),10:F1}");
        }
    }

    /// <summary>How many pixels the decoded file has other than drawn, and the largest difference of a channel (0–255).</summary>
    private static (long Changed, int Largest, long Errors) Difference(SKBitmap drawn, byte[] png)
    {
        using var decoded = SKBitmap.Decode(png).Copy(SKColorType.Rgba8888);
        var a = drawn.GetPixelSpan();
        var b = decoded.GetPixelSpan();
        var (changed, largest, errors) = (0L, 0, 0L);
        for (var i = 0; i < a.Length; i += 4)
        {
            var d = Math.Max(Math.Abs(a[i] - b[i]), Math.Max(Math.Abs(a[i + 1] - b[i + 1]), Math.Abs(a[i + 2] - b[i + 2])));
            (changed, largest, errors) = (changed + (d > 0 ? 1 : 0), Math.Max(largest, d), errors + d);
        }

        return (changed, largest, errors);
    }

    /// <summary>A region of two files one above the other, each pixel drawn 3×3: to look at the text's edges.</summary>
    public static void Zoom(string first, string second, string output, int x, int y, int width, int height)
    {
        const int Scale = 3;
        using var a = SKBitmap.Decode(first);
        using var b = SKBitmap.Decode(second);
        using var zoomed = new SKBitmap(width * Scale, (2 * height * Scale) + 6);
        using (var canvas = new SKCanvas(zoomed))
        {
            canvas.Clear(SKColors.Red);
            using var paint = new SKPaint();
            var target = new SKRect(0, 0, width * Scale, height * Scale);
            canvas.DrawImage(SKImage.FromBitmap(a), new SKRect(x, y, x + width, y + height), target, new SKSamplingOptions(SKFilterMode.Nearest), paint);
            target.Offset(0, (height * Scale) + 6);
            canvas.DrawImage(SKImage.FromBitmap(b), new SKRect(x, y, x + width, y + height), target, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        }

        using var data = zoomed.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(output, data.ToArray());
    }

    private static byte[] Skia(SKBitmap bitmap, SKPngEncoderOptions options)
    {
        using var pixels = bitmap.PeekPixels();
        using var png = pixels.Encode(options)!;
        return png.ToArray();
    }

    private static byte[] Palette(SKBitmap bitmap, int level, ZLibCompressionStrategy strategy, int colours) =>
        PalettePng.Encode(bitmap.GetPixelSpan(), bitmap.Width, bitmap.Height, new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy }, colours)
        ?? throw new InvalidOperationException("too many colours for a palette");

    private static string Slug(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>This thread's CPU time in milliseconds (Linux: CLOCK_THREAD_CPUTIME_ID), so that other processes' load does not count.</summary>
    private static double ThreadCpu()
    {
        _ = ClockGetTime(3, out var time);
        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
