using System.IO.Hashing;
using System.Text;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace FactDossier.Rendering;

/// <summary>
/// Draws a share image's SVG (from the theme's <c>partials/share-card.liquid</c>) into a 1200×630 PNG with the theme's
/// fonts and no others, so that an image is byte-identical on every machine. Drawn images are kept in
/// <c>.cache/factdossier/share/</c> by the hash of their SVG and fonts: an image is drawn again only when what it shows
/// changed.
/// </summary>
public sealed class ShareCardDrawer : IDisposable
{
    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly UInt128 _drawing;
    private readonly string _cache;

    private ShareCardDrawer(SKTypeface regular, SKTypeface bold, UInt128 fonts, string cache)
    {
        (_regular, _bold, _drawing, _cache) = (regular, bold, fonts, cache);
    }

    /// <summary>
    /// Draws the share images that must be (<paramref name="cards"/>), each from its SVG, in parallel; returns the
    /// problems. Every image of the plan is one of the site's files, drawn now or kept as the last build left it.
    /// </summary>
    internal static IReadOnlyList<Diagnostic> DrawAll(IReadOnlyList<Planning.ShareCardPlan> cards, TemplateSet templates, InputLayout layout,
        Publishing.ChangedFilesWriter writer, CancellationToken cancellation)
    {
        if (cards.Count == 0)
        {
            return [];
        }

        var diagnostics = new DiagnosticBag();
        using var drawer = Load(layout, diagnostics);
        if (drawer is null)
        {
            return diagnostics.ToSortedList();
        }

        var errors = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
        Parallel.ForEach(cards, new ParallelOptions { CancellationToken = cancellation }, card =>
        {
            if (templates.RenderFragment("share-card", card.Values, fragments: null, strings: null, out var error) is not { } svg)
            {
                errors.Add(error!);
                return;
            }

            var source = svg.Html;
            var key = drawer.KeyOf(source);
            writer.WriteMade(card.OutputPath, key, () => drawer.Png(source, key));
        });
        return DiagnosticOrder.Sort(errors.DistinctBy(e => (e.Span, e.Message)));
    }

    /// <summary>The theme's fonts (<c>theme/fonts/*.ttf</c>: one whose name has <c>Bold</c> for bold text, another for the rest).</summary>
    public static ShareCardDrawer? Load(InputLayout layout, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(layout.Theme, "fonts");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ttf").Order(StringComparer.Ordinal).ToArray() : [];
        var bold = files.FirstOrDefault(f => Path.GetFileName(f).Contains("Bold", StringComparison.Ordinal) && !IsItalic(f));
        var regular = files.FirstOrDefault(f => !Path.GetFileName(f).Contains("Bold", StringComparison.Ordinal) && !IsItalic(f));
        if (regular is null || bold is null)
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(layout.Display(folder)),
                "share images need two fonts in the theme's fonts/ folder: a regular one and one whose file name contains 'Bold'",
                "copy theme/fonts/ from FactDossier's theme, or set share_cards: false in input/site.yml");
            return null;
        }

        var (regularBytes, boldBytes) = (File.ReadAllBytes(regular), File.ReadAllBytes(bold));
        using var regularData = SKData.CreateCopy(regularBytes);
        using var boldData = SKData.CreateCopy(boldBytes);
        var (regularFace, boldFace) = (SKTypeface.FromData(regularData), SKTypeface.FromData(boldData));
        if (regularFace is null || boldFace is null)
        {
            regularFace?.Dispose();
            boldFace?.Dispose();
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(layout.Display(regularFace is null ? regular : bold)),
                "this file is not a font that can be read (a Git LFS pointer?)", "put the TrueType font itself in the theme's fonts/ folder");
            return null;
        }

        // An image's bytes depend on its SVG, the fonts, and the libraries that draw and encode it.
        var hash = new XxHash128();
        hash.Append(regularBytes);
        hash.Append(boldBytes);
        hash.Append(Encoding.UTF8.GetBytes($"{typeof(SKSvg).Assembly.GetName().Version}|{typeof(SKBitmap).Assembly.GetName().Version}|{Encoder}"));
        return new ShareCardDrawer(regularFace, boldFace, hash.GetCurrentHashAsUInt128(), Path.Combine(layout.Root, ".cache", "factdossier", "share"));
    }

    private const string Encoder = "png-palette-spread-16-zlib-6|png-sub-3";

    private static bool IsItalic(string file) => Path.GetFileName(file).Contains("Italic", StringComparison.OrdinalIgnoreCase);

    /// <summary>What decides an image's bytes: its SVG, the fonts and the drawing libraries.</summary>
    public UInt128 KeyOf(string svg)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(svg));
        Span<byte> fonts = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(fonts, _drawing);
        hash.Append(fonts);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// The PNG of an SVG: from the cache when drawn before, else drawn and kept there. A cached image is a checked file
    /// naming its key (<see cref="Caching.CheckedFile"/>): a truncated, altered or misplaced one is drawn again.
    /// </summary>
    public byte[] Png(string svg, UInt128 key)
    {
        var (cached, header) = (Path.Combine(_cache, $"{key:x32}.bin"), $"FactDossier share image|{key:x32}");
        if (Caching.CheckedFile.Read<byte[]>(cached, header) is { } kept)
        {
            return kept;
        }

        var png = Draw(svg);
        Caching.CheckedFile.Write(cached, header, png);
        return png;
    }

    private byte[] Draw(string svg)
    {
        using var bitmap = Picture(svg);
        return Encode(bitmap);
    }

    /// <summary>The SVG drawn on a white, opaque 1200×630 bitmap.</summary>
    internal SKBitmap Picture(string svg)
    {
        using var picture = new SKSvg();
        picture.Settings.TypefaceProviders = [new ThemeFonts(_regular, _bold)];
        picture.Settings.EnableExternalJavaScript = false;
        picture.FromSvg(svg);
        var bitmap = new SKBitmap(new SKImageInfo(Planning.ShareCardPlanner.Width, Planning.ShareCardPlanner.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (picture.Picture is { } drawn)
            {
                canvas.DrawPicture(drawn);
            }
        }

        return bitmap;
    }

    /// <summary>
    /// An indexed PNG when the picture is flat colours and text (a fifth of the bytes of the full-colour PNG, the same
    /// picture to the eye at 100 %: bench/README.md), else Skia's full-colour PNG.
    /// </summary>
    internal static byte[] Encode(SKBitmap bitmap)
    {
        if (PalettePng.Encode(bitmap.GetPixelSpan(), bitmap.Width, bitmap.Height) is { } indexed)
        {
            return indexed;
        }

        using var pixels = bitmap.PeekPixels();
        // Level 3 with the Sub filter: a quarter of the default's time for a file a fifth larger (bench/README.md).
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException("Skia could not encode the share image");
        return png.ToArray();
    }

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }

    /// <summary>Every family name of the SVG resolves to the theme's fonts, by weight.</summary>
    private sealed class ThemeFonts(SKTypeface regular, SKTypeface bold) : ITypefaceProvider
    {
        public SKTypeface FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            fontWeight >= SKFontStyleWeight.SemiBold ? bold : regular;
    }
}
