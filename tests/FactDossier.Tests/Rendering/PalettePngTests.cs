using System.Buffers.Binary;
using FactDossier.Rendering;
using SkiaSharp;

namespace FactDossier.Tests.Rendering;

public sealed class PalettePngTests
{
    private const int Width = 64, Height = 48;

    /// <summary>An opaque picture (RGBA bytes) whose pixel (x, y) is <paramref name="colour"/>'s red, green, blue.</summary>
    private static byte[] Picture(Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var rgba = new byte[Width * Height * 4];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = colour(x, y);
                var i = ((y * Width) + x) * 4;
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (r, g, b, 255);
            }
        }

        return rgba;
    }

    /// <summary>The file as any PNG reader sees it (Skia's decoder, which is libpng's), as RGBA bytes.</summary>
    private static byte[] Decoded(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png).Copy(SKColorType.Rgba8888);
        Assert.Equal((Width, Height), (bitmap.Width, bitmap.Height));
        return bitmap.GetPixelSpan().ToArray();
    }

    private static (byte BitDepth, byte ColourType) Header(byte[] png)
    {
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (png[24], png[25]);
    }

    [Fact]
    public void A_picture_of_at_most_256_colours_is_an_indexed_png_of_exactly_its_pixels()
    {
        // Text-like: a background, a dark colour and 192 other colours, in runs and scattered.
        var picture = Picture((x, y) => (x + y) % 7 == 0 ? ((byte)(x * 3), (byte)(y % 3 * 40), (byte)90) : x < 10 ? ((byte)29, (byte)29, (byte)31) : ((byte)253, (byte)252, (byte)249));

        var png = PalettePng.Encode(picture, Width, Height)!;

        Assert.Equal(((byte)8, (byte)3), Header(png)); // 8 bits an index, colour type 3: indexed
        Assert.Equal(picture, Decoded(png));
    }

    [Fact]
    public void Past_256_colours_the_commonest_are_kept_exactly_and_each_other_takes_its_nearest()
    {
        // A flat background and 20 flat blocks (the commonest colours), and 600 colours of one pixel each along a ramp.
        var picture = Picture((x, y) =>
        {
            if (y < 10)
            {
                var i = (y * Width) + x; // 640 pixels
                return ((byte)(i % 200), (byte)((i / 200 * 60) + 10), (byte)(i % 150));
            }

            return y < 20 ? ((byte)(x / 4 * 12), (byte)200, (byte)40) : ((byte)253, (byte)252, (byte)249);
        });

        var decoded = Decoded(PalettePng.Encode(picture, Width, Height)!);

        var palette = new HashSet<(byte, byte, byte)>();
        for (var i = 0; i < decoded.Length; i += 4)
        {
            palette.Add((decoded[i], decoded[i + 1], decoded[i + 2]));
        }

        Assert.True(palette.Count <= 256);
        for (var i = 10 * Width * 4; i < decoded.Length; i += 4) // the background and the blocks: exact
        {
            Assert.Equal(picture.AsSpan(i, 3).ToArray(), decoded.AsSpan(i, 3).ToArray());
        }

        for (var i = 0; i < 10 * Width * 4; i += 4) // each rare colour: no colour of the palette is nearer
        {
            int Distance((byte R, byte G, byte B) c) =>
                ((c.R - picture[i]) * (c.R - picture[i])) + ((c.G - picture[i + 1]) * (c.G - picture[i + 1])) + ((c.B - picture[i + 2]) * (c.B - picture[i + 2]));
            Assert.Equal(palette.Min(Distance), Distance((decoded[i], decoded[i + 1], decoded[i + 2])));
        }
    }

    [Fact]
    public void A_picture_of_many_colours_is_left_to_the_full_colour_encoder()
    {
        var gradient = Picture((x, y) => ((byte)(x * 4), (byte)(y * 5), (byte)((x * y) % 256))); // 3,072 pixels, nearly all distinct
        var photograph = new byte[256 * 256 * 4];
        for (var i = 0; i < photograph.Length; i += 4)
        {
            (photograph[i], photograph[i + 1], photograph[i + 2], photograph[i + 3]) = ((byte)(i >> 2), (byte)(i >> 10), (byte)(i >> 7), 255);
        }

        Assert.NotNull(PalettePng.Encode(gradient, Width, Height)); // under 4,096 colours
        Assert.Null(PalettePng.Encode(photograph, 256, 256));
    }

    [Fact]
    public void The_same_picture_gives_the_same_bytes()
    {
        var picture = Picture((x, y) => ((byte)(x * y % 300), (byte)(x * 2), (byte)(y * 3)));

        var first = PalettePng.Encode(picture, Width, Height)!;
        var second = PalettePng.Encode(picture.ToArray(), Width, Height)!;

        Assert.Equal(first, second);
        // Every chunk's CRC is right (libpng, above, would refuse a wrong one; checked here on its own too).
        for (var at = 8; at < first.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(first.AsSpan(at));
            var crc = System.IO.Hashing.Crc32.HashToUInt32(first.AsSpan(at + 4, length + 4));
            Assert.Equal(crc, BinaryPrimitives.ReadUInt32BigEndian(first.AsSpan(at + 8 + length)));
            at += length + 12;
        }
    }
}
