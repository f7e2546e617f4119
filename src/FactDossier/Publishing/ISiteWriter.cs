namespace FactDossier.Publishing;

/// <summary>Where rendered files go: a staging folder for <c>build</c>, nowhere for <c>check</c>.</summary>
public interface ISiteWriter
{
    void Write(string relativePath, ReadOnlySpan<byte> content);

    /// <summary>A file given in pieces, each valid only until the next is read.</summary>
    void Write(string relativePath, IEnumerable<ReadOnlyMemory<byte>> pieces);
}

/// <summary>For <c>check</c>: everything is rendered and link-checked, nothing is written.</summary>
public sealed class DiscardingWriter : ISiteWriter
{
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
    }

    public void Write(string relativePath, IEnumerable<ReadOnlyMemory<byte>> pieces)
    {
    }
}
