using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FactDossier.Rendering;

/// <summary>
/// An opaque picture of flat colours and anti-aliased text (a share image) as an indexed PNG of
/// <see cref="Colours"/> colours, four bits a pixel instead of 24, which deflate packs several times tighter: the flat
/// colours and steps of each edge's blend (<see cref="PaletteOf"/>), every other colour taken to its nearest entry. At
/// 100 % the text looks as drawn (bench/README.md names the files compared). A picture of more than
/// <see cref="MostColours"/> colours (a photograph, a gradient) is not of that kind: <see cref="Encode"/> gives null,
/// and the caller keeps its full-colour PNG.
/// </summary>
internal static class PalettePng
{
    /// <summary>Above this many distinct colours a small palette would band what the picture shows.</summary>
    public const int MostColours = 4096;

    /// <summary>
    /// The palette's size: 16 colours (4 bits) make a share image of 18 KB against 28 KB with 256 (8 bits), a third of
    /// the 1 GB that GitHub Pages takes for 10,000 claims' images instead of half (bench/README.md).
    /// </summary>
    public const int Colours = 16;

    /// <summary>The PNG of an opaque picture (pixels as RGBA bytes in memory order, row after row), or null if it has too many colours.</summary>
    public static byte[]? Encode(ReadOnlySpan<byte> rgba, int width, int height) => Encode(rgba, width, height, Zlib);

    /// <summary>zlib at its default level: level 9 saves 5 % of the bytes for four times the CPU (<c>bench share-images</c> compares).</summary>
    private static readonly ZLibCompressionOptions Zlib = new() { CompressionLevel = 6 };

    internal static byte[]? Encode(ReadOnlySpan<byte> rgba, int width, int height, ZLibCompressionOptions zlib, int colours = Colours)
    {
        var pixels = MemoryMarshal.Cast<byte, uint>(rgba);
        if (pixels.Length != width * height || Histogram(pixels) is not { } counts)
        {
            return null;
        }

        var palette = PaletteOf(counts, colours);
        var index = IndexOf(counts, palette);
        var depth = palette.Length <= 2 ? 1 : palette.Length <= 4 ? 2 : palette.Length <= 16 ? 4 : 8;
        return Png(Indexed(pixels, width, height, index, depth), width, height, palette, depth, zlib);
    }

    /// <summary>How often each colour occurs (by runs: a row of text is mostly runs of one colour); null past <see cref="MostColours"/>.</summary>
    internal static Dictionary<uint, int>? Histogram(ReadOnlySpan<uint> pixels)
    {
        var counts = new Dictionary<uint, int>();
        for (var i = 0; i < pixels.Length;)
        {
            var colour = pixels[i];
            var run = pixels[i..].IndexOfAnyExcept(colour);
            run = run < 0 ? pixels.Length - i : run;
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, colour, out _);
            count += run;
            i += run;
            if (counts.Count > MostColours)
            {
                return null;
            }
        }

        return counts;
    }

    /// <summary>
    /// The <paramref name="colours"/> commonest colours (ties by colour value, so the order is always the same), each
    /// at least a step (384 ÷ colours on each channel) from those taken before it while the picture has others: a small
    /// palette then keeps steps of every edge's blend, not only of the commonest one's.
    /// </summary>
    internal static uint[] PaletteOf(Dictionary<uint, int> counts, int colours = Colours)
    {
        var byCount = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => c.Key).ToList();
        var step = 384 / colours;
        var palette = new List<uint>(colours);
        foreach (var colour in byCount)
        {
            if (palette.Count < colours && palette.TrueForAll(p => Distance(p, colour) >= 3 * step * step))
            {
                palette.Add(colour);
            }
        }

        palette.AddRange(byCount.Where(c => !palette.Contains(c)).Take(colours - palette.Count)); // too few apart: the commonest others
        return [.. palette];
    }

    /// <summary>Each colour's entry: its own, or the nearest (red, green and blue distances squared, summed; the first of equals).</summary>
    internal static Dictionary<uint, byte> IndexOf(Dictionary<uint, int> counts, uint[] palette)
    {
        var index = new Dictionary<uint, byte>(counts.Count);
        for (var i = 0; i < palette.Length; i++)
        {
            index[palette[i]] = (byte)i;
        }

        foreach (var colour in counts.Keys)
        {
            if (index.ContainsKey(colour))
            {
                continue;
            }

            var (best, bestDistance) = (0, int.MaxValue);
            for (var i = 0; i < palette.Length; i++)
            {
                var distance = Distance(colour, palette[i]);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (i, distance);
                }
            }

            index[colour] = (byte)best;
        }

        return index;
    }

    private static int Distance(uint a, uint b)
    {
        int Channel(int shift) => (int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF);
        var (x, y, z) = (Channel(0), Channel(8), Channel(16));
        return (x * x) + (y * y) + (z * z);
    }

    /// <summary>
    /// PNG's image data before compression: each row a filter byte (0: none, the best for palette indices) and its
    /// indices, <paramref name="depth"/> bits each, packed from the high bits of each byte.
    /// </summary>
    private static byte[] Indexed(ReadOnlySpan<uint> pixels, int width, int height, Dictionary<uint, byte> index, int depth)
    {
        var stride = ((width * depth) + 7) / 8;
        var data = new byte[height * (stride + 1)];
        var row = new byte[width];
        for (var y = 0; y < height; y++)
        {
            var colours = pixels.Slice(y * width, width);
            for (var x = 0; x < width;)
            {
                var run = colours[x..].IndexOfAnyExcept(colours[x]);
                run = run < 0 ? width - x : run;
                row.AsSpan(x, run).Fill(index[colours[x]]);
                x += run;
            }

            var target = data.AsSpan((y * (stride + 1)) + 1, stride);
            if (depth == 8)
            {
                row.CopyTo(target);
                continue;
            }

            for (var x = 0; x < width; x++)
            {
                var bit = x * depth;
                target[bit / 8] |= (byte)(row[x] << (8 - depth - (bit % 8)));
            }
        }

        return data;
    }

    private static byte[] Png(byte[] data, int width, int height, uint[] palette, int depth, ZLibCompressionOptions zlib)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = ((byte)depth, 3); // bits an index, colour type 3: indexed; compression, filter, interlace 0
        Chunk(png, "IHDR", header);
        var entries = new byte[palette.Length * 3];
        for (var i = 0; i < palette.Length; i++)
        {
            (entries[3 * i], entries[(3 * i) + 1], entries[(3 * i) + 2]) = ((byte)palette[i], (byte)(palette[i] >> 8), (byte)(palette[i] >> 16));
        }

        Chunk(png, "PLTE", entries);
        Chunk(png, "IDAT", Deflate(data, zlib));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Deflate(byte[] data, ZLibCompressionOptions options)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, options))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> content)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(field, content.Length);
        png.Write(field);
        Span<byte> name = stackalloc byte[4];
        System.Text.Encoding.ASCII.GetBytes(type, name);
        png.Write(name);
        png.Write(content);
        var crc = new Crc32();
        crc.Append(name);
        crc.Append(content);
        BinaryPrimitives.WriteUInt32BigEndian(field, crc.GetCurrentHashAsUInt32());
        png.Write(field);
    }
}
