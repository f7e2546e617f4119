using System.Runtime.InteropServices;

namespace FactDossier.Publishing;

/// <summary>
/// Swaps two paths in one atomic step: on Linux <c>renameat2(RENAME_EXCHANGE)</c>, so that a whole new site takes
/// output/'s place with no moment at which output/ is missing or half old. And hard links, which keep a replaced
/// file's space until the preview frees it after the build, and whether a folder can be written at all.
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

    /// <summary>
    /// Why a folder cannot take new entries (a read-only disk, an immutable folder, no permission), as the system says
    /// without anything written; null when it can, or where the system cannot tell.
    /// </summary>
    public static string? WriteRefused(string folder)
    {
        try
        {
            return !OperatingSystem.IsWindows() && access(folder, WriteAccess) != 0 ? Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()) : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private const int WriteAccess = 2; // W_OK

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string existing, string newPath);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
