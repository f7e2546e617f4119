using System.Collections.Concurrent;
using System.IO.Hashing;
using FactDossier.Building;

namespace FactDossier.Publishing;

/// <summary>
/// Hashes every file a build makes and passes on to the staging folder only those whose bytes differ from the file
/// the last build left (or that were damaged since): a build that changes one claim's pages writes those pages, and
/// one that changes nothing writes nothing, so the other files keep their modification times.
/// </summary>
internal sealed class ChangedFilesWriter(ISiteWriter target, IReadOnlyDictionary<string, OutputFile>? recorded, IReadOnlySet<string> damaged) : ISiteWriter
{
    /// <summary>The hash of every file this build made, written or not.</summary>
    public ConcurrentDictionary<string, UInt128> Hashes { get; } = new(StringComparer.Ordinal);

    /// <summary>The length of every file whose bytes this build made (not a share image kept by its source's hash).</summary>
    public ConcurrentDictionary<string, long> Lengths { get; } = new(StringComparer.Ordinal);

    /// <summary>The files passed on to be written.</summary>
    public ConcurrentDictionary<string, byte> Written { get; } = new(StringComparer.Ordinal);

    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
        var hash = XxHash128.HashToUInt128(content);
        Hashes[relativePath] = hash;
        Lengths[relativePath] = content.Length;
        if (!IsUnchanged(relativePath, hash))
        {
            target.Write(relativePath, content);
            Written[relativePath] = 0;
        }
    }

    public void Write(string relativePath, IEnumerable<ReadOnlyMemory<byte>> pieces)
    {
        var hasher = new XxHash128();
        if (IsKnown(relativePath))
        {
            // Hashed first, written (encoded a second time) only if it changed: most files of a rebuild did not.
            long length = 0;
            foreach (var piece in pieces)
            {
                hasher.Append(piece.Span);
                length += piece.Length;
            }

            var hash = hasher.GetCurrentHashAsUInt128();
            Hashes[relativePath] = hash;
            Lengths[relativePath] = length;
            if (IsUnchanged(relativePath, hash))
            {
                return;
            }

            target.Write(relativePath, pieces);
            Written[relativePath] = 0;
        }
        else
        {
            WriteChanged(relativePath, pieces);
        }
    }

    /// <summary>
    /// A file known to differ from the last build's (the preview compared its text with the last plan's): hashed while
    /// it is written, not encoded twice. At 10k claims claims.json and the feed are 18 MB.
    /// </summary>
    public void WriteChanged(string relativePath, IEnumerable<ReadOnlyMemory<byte>> pieces)
    {
        var hasher = new XxHash128();
        var length = new long[1];
        target.Write(relativePath, Hashed(pieces, hasher, length));
        Hashes[relativePath] = hasher.GetCurrentHashAsUInt128();
        Lengths[relativePath] = length[0];
        Written[relativePath] = 0;
    }

    /// <summary>
    /// A file made from a source (a share image from its SVG): known by the source's hash, and made only when the file
    /// the last build left was made from another source, or is damaged.
    /// </summary>
    public void WriteMade(string relativePath, UInt128 sourceHash, Func<byte[]> make)
    {
        Hashes[relativePath] = sourceHash;
        if (!IsUnchanged(relativePath, sourceHash))
        {
            var made = make();
            target.Write(relativePath, made);
            Lengths[relativePath] = made.Length;
            Written[relativePath] = 0;
        }
    }

    private bool IsKnown(string relativePath) => recorded is not null && recorded.ContainsKey(relativePath) && !damaged.Contains(relativePath);

    private bool IsUnchanged(string relativePath, UInt128 hash) =>
        IsKnown(relativePath) && recorded![relativePath].Hash == hash;

    private static IEnumerable<ReadOnlyMemory<byte>> Hashed(IEnumerable<ReadOnlyMemory<byte>> pieces, XxHash128 hasher, long[] length)
    {
        foreach (var piece in pieces)
        {
            hasher.Append(piece.Span);
            length[0] += piece.Length;
            yield return piece;
        }
    }
}
