using System.Buffers;
using System.Text;
using System.Text.Unicode;
using FactDossier.Diagnostics;

namespace FactDossier.Loading;

/// <summary>Reads an editor's file as strict UTF-8; a bad byte becomes a diagnostic at its line and column.</summary>
public static class TextFileReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        // Ten thousand claim files: each read into a pooled buffer, and only its text kept.
        byte[]? buffer = null;
        try
        {
            using var file = File.OpenHandle(fullPath);
            var length = RandomAccess.GetLength(file);
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, Array.MaxLength));
            var read = 0;
            for (int n; read < buffer.Length && (n = RandomAccess.Read(file, buffer.AsSpan(read), read)) > 0;)
            {
                read += n;
            }

            return Decode(buffer.AsSpan(0, read), displayPath, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(displayPath), $"cannot read the file: {e.Message}");
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var bytesRead, out _, replaceInvalidSequences: false);

        var (line, column) = Position(bytes[..bytesRead]);
        diagnostics.Add(DiagnosticCode.NotUtf8, new SourceSpan(displayPath, line, column),
            $"byte 0x{bytes[bytesRead]:X2} is not valid UTF-8; the file seems to be saved in another encoding (Windows-1252 or Latin-1?)",
            "save the file as UTF-8 in your editor ('Save with encoding' → UTF-8)");
        return null;
    }

    /// <summary>Line and column (in characters) of the byte at the end of a valid UTF-8 prefix.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> validPrefix)
    {
        var lastNewline = validPrefix.LastIndexOf((byte)'\n');
        var line = validPrefix.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(validPrefix[(lastNewline + 1)..]) + 1;
        return (line, column);
    }
}
