using System.Runtime.InteropServices;

namespace FactDossier.Publishing;

/// <summary>
/// Puts a staged file in place of the published one in one atomic step, keeping the old one at the staged path. On
/// Linux this is <c>renameat2(RENAME_EXCHANGE)</c>: the old page's disk space is then freed whenever the staging folder
/// is deleted, not while the reader waits (on a disk mounted with <c>discard</c>, freeing 40 MB takes about 30 ms).
/// </summary>
internal static partial class FileExchange
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint Exchange = 2; // RENAME_EXCHANGE

    /// <summary>Moves <paramref name="staged"/> to <paramref name="target"/>; says whether the old target is now at <paramref name="staged"/> (else it is gone).</summary>
    public static bool Swap(string staged, string target)
    {
        if (OperatingSystem.IsLinux() && File.Exists(target) && renameat2(CurrentDirectory, staged, CurrentDirectory, target, Exchange) == 0)
        {
            return true;
        }

        // Not Linux, no old file, or a file system without the exchange: a plain rename, atomic as well.
        File.Move(staged, target, overwrite: true);
        return false;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
