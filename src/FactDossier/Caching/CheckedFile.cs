using System.IO.Hashing;

namespace FactDossier.Caching;

/// <summary>
/// A file of <c>.cache/factdossier/</c>: written whole under a temporary name, then renamed, with a checksum at its
/// end. A reader finds the old file, the new one or none, and never trusts a truncated or altered one.
/// </summary>
internal static class CheckedFile
{
    /// <summary>The file's contents without its checksum, or null when it is missing, unreadable, truncated or altered.</summary>
    public static ArraySegment<byte>? Read(string path)
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

        if (bytes.Length < 8 || XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)) != BitConverter.ToUInt64(bytes, bytes.Length - 8))
        {
            return null;
        }

        return new ArraySegment<byte>(bytes, 0, bytes.Length - 8);
    }

    /// <summary>Writes what <paramref name="write"/> writes, hashed on its way to the disk: no copy of the file is held in memory.</summary>
    /// <returns>The file's length and modification time as written (a rename keeps them), before another writer can replace it.</returns>
    public static (long Length, DateTime WrittenUtc) Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                var hashing = new HashingStream(file);
                using (var buffered = new BufferedStream(hashing, 1 << 16))
                {
                    write(buffered);
                }

                file.Write(BitConverter.GetBytes(hashing.Hash.GetCurrentHashAsUInt64()));
            }

            var written = (new FileInfo(temporary).Length, File.GetLastWriteTimeUtc(temporary));
            File.Move(temporary, path, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// What <paramref name="read"/> makes of a file in the binary form of <see cref="ModelReader"/>, when the file is
    /// whole, begins with <paramref name="header"/> (what it is, for which build and options) and is read to its last
    /// byte; otherwise null: a damaged or stale file is not trusted in any part.
    /// </summary>
    public static T? ReadModel<T>(string path, string header, Func<ModelReader, T> read)
        where T : class
    {
        if (Read(path) is not { } contents)
        {
            return null;
        }

        try
        {
            var reader = new ModelReader(contents);
            if (reader.Text() != header)
            {
                return null;
            }

            var value = read(reader);
            return reader.AtEnd ? value : null;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="header"/>, then what <paramref name="write"/> writes, in the form <see cref="ReadModel"/> reads.</summary>
    public static (long Length, DateTime WrittenUtc) WriteModel(string path, string header, Action<ModelWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new ModelWriter(stream);
            writer.Text(header);
            write(writer);
        });

    /// <summary>Passes bytes on to a file, hashing them as they go.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        public XxHash3 Hash { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Hash.Append(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// The tool's own build, and the runtime and Unicode data it runs on (text folding and Markdown follow them; the
    /// collation version changes with the machine's ICU): a cache written under other ones is not read.
    /// </summary>
    public static string ToolBuild { get; } = string.Join('/', typeof(CheckedFile).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, System.Globalization.CultureInfo.InvariantCulture.CompareInfo.Version);
}
