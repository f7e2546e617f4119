namespace FactDossier.Loading;

/// <summary>How input files are listed (sub-folders included, so a newsroom may file claims by month). Injectable so that a test can prove the output does not depend on the order.</summary>
public interface IFileEnumerator
{
    static IFileEnumerator Sorted { get; } = new SortedFileEnumerator();

    IEnumerable<string> Enumerate(string directory, string pattern);

    private sealed class SortedFileEnumerator : IFileEnumerator
    {
        public IEnumerable<string> Enumerate(string directory, string pattern) =>
            Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }
}
