namespace FactDossier.Publishing;

/// <summary>Where rendered files go: a staging folder for <c>build</c>, nowhere for <c>check</c>.</summary>
public interface ISiteWriter
{
    void Write(string relativePath, ReadOnlySpan<byte> content);
}

/// <summary>For <c>check</c>: everything is rendered and link-checked, nothing is written.</summary>
public sealed class DiscardingWriter : ISiteWriter
{
    public void Write(string relativePath, ReadOnlySpan<byte> content)
    {
    }
}
