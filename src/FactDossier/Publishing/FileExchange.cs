using System.Runtime.InteropServices;

namespace FactDossier.Publishing;

/// <summary>
/// Swaps two paths in one atomic step: on Linux <c>renameat2(RENAME_EXCHANGE)</c>, so that a whole new site takes
/// output/'s place with no moment at which output/ is missing or half old. And hard links, which keep a replaced
/// file's space until the preview frees it after the build.
/// </summary>
internal static partial class FileExchange
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint ExchangeFlag = 2; // RENAME_EXCHANGE

    /// <summary>Swaps two paths (files or folders); false where the system cannot, and then nothing moved.</summary>
    public static bool Exchange(string first, string second)
    {
        try
        {
            return OperatingSystem.IsLinux() && renameat2(CurrentDirectory, first, CurrentDirectory, second, ExchangeFlag) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than renameat2 (glibc 2.28)
        }
    }

    /// <summary>A second name for a file (a hard link), so that replacing the first does not free its space yet; false where it cannot.</summary>
    public static bool Link(string existing, string newPath)
    {
        try
        {
            return !OperatingSystem.IsWindows() && link(existing, newPath) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string existing, string newPath);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
