using System.Text;

namespace FactDossier.Serving;

/// <summary>What a command asks of the build server: one build, reported in its format, or that the server stop.</summary>
public sealed record ServerRequest(bool Stop, string Format, bool Verbose)
{
    private const string Magic = "factdossier-request-1";

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Stop);
        writer.Write(Format);
        writer.Write(Verbose);
    }

    /// <summary>The request, or null when the bytes are not one (another program, another version of the tool).</summary>
    public static ServerRequest? ReadFrom(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return reader.ReadString() == Magic ? new ServerRequest(reader.ReadBoolean(), reader.ReadString(), reader.ReadBoolean()) : null;
    }
}

/// <summary>What the command prints and returns, as if it had built in its own process.</summary>
public sealed record ServerReply(int ExitCode, string Stdout, string Stderr)
{
    private const string Magic = "factdossier-reply-1";

    /// <summary>The server could not build (a fault of its own): the command builds in its own process.</summary>
    public const int Unanswered = -1;

    public void WriteTo(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(ExitCode);
        writer.Write(Stdout);
        writer.Write(Stderr);
    }

    /// <param name="note">Told each line the server says while it builds (<see cref="ServerNote"/>), as it comes.</param>
    public static ServerReply? ReadFrom(Stream stream, Action<string>? note = null)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = reader.ReadString();
        for (; magic == ServerNote.Magic; magic = reader.ReadString())
        {
            var line = reader.ReadString();
            note?.Invoke(line);
        }

        return magic == Magic ? new ServerReply(reader.ReadInt32(), reader.ReadString(), reader.ReadString()) : null;
    }
}

/// <summary>A line the server says while it builds, before its reply (that it waits for another writer of the output folder).</summary>
public static class ServerNote
{
    internal const string Magic = "factdossier-note-1";

    public static void WriteTo(Stream stream, string line)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(line);
    }
}
