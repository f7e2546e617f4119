using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using MemoryPack;

namespace FactDossier.Caching;

/// <summary>
/// A file of <c>.cache/factdossier/</c>: a header saying what it is and for which build of the tool, then a value in
/// MemoryPack's generated binary form, then a checksum. Written whole under a temporary name, then renamed: a reader
/// finds the old file, the new one or none, and never trusts a truncated, altered or foreign one.
/// </summary>
internal static class CheckedFile
{
    /// <summary>The value stored under <paramref name="header"/>, or null when the file is missing, damaged or another's.</summary>
    public static T? Read<T>(string path, string header)
        where T : class
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var expected = Encoding.UTF8.GetBytes(Typed<T>(header));
        var contents = bytes.AsSpan(0, Math.Max(bytes.Length - 8, 0)); // the checksum is the last 8 bytes
        if (bytes.Length < 12 || XxHash3.HashToUInt64(contents) != BitConverter.ToUInt64(bytes, bytes.Length - 8)
            || BinaryPrimitives.ReadInt32LittleEndian(contents) != expected.Length || !contents[4..].StartsWith(expected))
        {
            return null;
        }

        try
        {
            return MemoryPackSerializer.Deserialize<T>(contents[(4 + expected.Length)..], PooledStrings.Options());
        }
        catch (Exception e) when (e is MemoryPackSerializationException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="value"/> under <paramref name="header"/>, in the form <see cref="Read{T}"/> reads.</summary>
    /// <returns>The file's length and modification time as written (a rename keeps them), before another writer can replace it.</returns>
    public static (long Length, DateTime WrittenUtc) Write<T>(string path, string header, T value)
    {
        var (temporary, length, written) = WriteAside(path, header, value);
        File.Move(temporary, path, overwrite: true);
        return (length, written);
    }

    /// <summary>
    /// Writes what <see cref="Write{T}"/> writes under a temporary name beside <paramref name="path"/>, for the caller to
    /// rename into place when it chooses (the record, once output/ has changed): what takes disk space is done first.
    /// </summary>
    public static (string Temporary, long Length, DateTime WrittenUtc) WriteAside<T>(string path, string header, T value)
    {
        var headerBytes = Encoding.UTF8.GetBytes(Typed<T>(header));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                var contents = new HashingFileWriter(file);
                BinaryPrimitives.WriteInt32LittleEndian(contents.GetSpan(4), headerBytes.Length);
                contents.Advance(4);
                contents.Write(headerBytes);
                MemoryPackSerializer.Serialize(contents, value, PooledStrings.Options());
                contents.Flush();
                file.Write(BitConverter.GetBytes(contents.Hash));
            }

            return (temporary, new FileInfo(temporary).Length, File.GetLastWriteTimeUtc(temporary));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The header with the stored type's name: bytes of one form are never read as another's.</summary>
    private static string Typed<T>(string header) => $"{header}|{typeof(T).FullName}";

    /// <summary>
    /// The tool's own build, and the runtime and Unicode data it runs on (text folding and Markdown follow them; the
    /// collation version changes with the machine's ICU): a cache written under other ones is not read.
    /// </summary>
    public static string ToolBuild { get; } = string.Join('/', typeof(CheckedFile).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, System.Globalization.CultureInfo.InvariantCulture.CompareInfo.Version);

    /// <summary>
    /// Where MemoryPack writes a file: each filled buffer goes to the disk and into the checksum, so no copy of the
    /// file is held in memory (at 100k claims a stored file is hundreds of megabytes).
    /// </summary>
    private sealed class HashingFileWriter(FileStream file) : IBufferWriter<byte>
    {
        private readonly XxHash3 _hash = new();
        private byte[] _buffer = new byte[1 << 16];
        private int _used;

        public ulong Hash => _hash.GetCurrentHashAsUInt64();

        public void Advance(int count) => _used += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Free(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Free(sizeHint).Span;

        public void Flush()
        {
            _hash.Append(_buffer.AsSpan(0, _used));
            file.Write(_buffer, 0, _used);
            _used = 0;
        }

        /// <summary>The free part of the buffer, with room for at least <paramref name="sizeHint"/> bytes.</summary>
        private Memory<byte> Free(int sizeHint)
        {
            if (_buffer.Length - _used < Math.Max(sizeHint, 1))
            {
                Flush();
                _buffer = _buffer.Length < sizeHint ? new byte[sizeHint] : _buffer;
            }

            return _buffer.AsMemory(_used);
        }
    }
}
