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
    public void A_picture_of_at_most_16_colours_is_an_indexed_png_of_4_bits_a_pixel_and_exactly_its_pixels()
    {
        // Text-like: a background, a dark colour and 14 others, in runs and scattered (an odd width: the last byte of a row half used).
        var picture = Picture((x, y) => (x + y) % 7 == 0 ? ((byte)(x % 14 * 15), (byte)40, (byte)90) : x < 10 ? ((byte)29, (byte)29, (byte)31) : ((byte)253, (byte)252, (byte)249));

        var png = PalettePng.Encode(picture, Width, Height)!;

        Assert.Equal(16, PalettePng.Colours);
        Assert.Equal(((byte)4, (byte)3), Header(png)); // 4 bits an index, colour type 3: indexed
        Assert.Equal(picture, Decoded(png));
    }

    [Fact]
    public void A_larger_palette_takes_8_bits_a_pixel_and_keeps_up_to_256_colours_exactly()
    {
        var picture = Picture((x, y) => ((byte)(x * 3), (byte)(y % 3 * 40), (byte)90)); // 192 colours

        var png = PalettePng.Encode(picture, Width, Height, new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = 6 }, colours: 256)!;

        Assert.Equal(((byte)8, (byte)3), Header(png));
        Assert.Equal(picture, Decoded(png));
    }

    [Fact]
    public void Past_16_colours_the_commonest_far_enough_apart_are_kept_exactly_and_each_other_takes_its_nearest()
    {
        // A flat background and 8 flat blocks far apart (the commonest colours), and 640 colours of one pixel each.
        var picture = Picture((x, y) =>
        {
            if (y < 10)
            {
                var i = (y * Width) + x; // 640 pixels
                return ((byte)(i % 200), (byte)((i / 200 * 60) + 10), (byte)(i % 150));
            }

            return y < 20 ? ((byte)(x / 8 * 36), (byte)200, (byte)(x / 8 * 30)) : ((byte)253, (byte)252, (byte)249);
        });

        var decoded = Decoded(PalettePng.Encode(picture, Width, Height)!);

        var palette = new HashSet<(byte, byte, byte)>();
        for (var i = 0; i < decoded.Length; i += 4)
        {
            palette.Add((decoded[i], decoded[i + 1], decoded[i + 2]));
        }

        Assert.True(palette.Count <= 16);
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
    public void A_rarer_colour_far_from_the_others_is_kept_before_common_colours_close_to_one_taken()
    {
        // 30 greys a step apart, 90 pixels each, and a green of 40 pixels: the greys' blend is drawn in a few steps, the green kept.
        var picture = Picture((x, y) => y < 40 ? ((byte)(100 + (((y * Width) + x) % 30)), (byte)(100 + (((y * Width) + x) % 30)), (byte)100)
            : y == 40 && x < 40 ? ((byte)30, (byte)110, (byte)50) : ((byte)253, (byte)252, (byte)249));

        var decoded = Decoded(PalettePng.Encode(picture, Width, Height)!);

        var green = ((40 * Width) + 5) * 4;
        Assert.Equal(new byte[] { 30, 110, 50 }, decoded.AsSpan(green, 3).ToArray());
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
