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
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCode.MissingFile, SourceSpan.StartOf(displayPath), $"cannot read the file: {e.Message}");
            return null;
        }

        return Decode(bytes, displayPath, diagnostics);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, charsWritten);
        }

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
