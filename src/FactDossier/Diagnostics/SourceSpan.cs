using MemoryPack;
namespace FactDossier.Diagnostics;

/// <summary>Where an editor wrote something: a path relative to the project root, 1-based line and column.</summary>
[MemoryPackable]
public sealed partial record SourceSpan([property: Caching.PooledString] string Path, int Line, int Column)
{
    public static SourceSpan StartOf(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}
