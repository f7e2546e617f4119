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

    public static void Write(string path, MemoryStream contents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var checksum = XxHash3.HashToUInt64(contents.GetBuffer().AsSpan(0, (int)contents.Length));
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            file.Write(contents.GetBuffer().AsSpan(0, (int)contents.Length));
            file.Write(BitConverter.GetBytes(checksum));
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The tool's own build: a cache written by another build of FactDossier is not read.</summary>
    public static string ToolBuild { get; } = typeof(CheckedFile).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
