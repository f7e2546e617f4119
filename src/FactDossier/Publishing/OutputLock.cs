using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace FactDossier.Publishing;

/// <summary>
/// One writer of an output folder at a time, as Hugo's <c>.hugo_build.lock</c>: the command line's build, the build
/// server's and the preview's each hold it from reading the record until the next record is written. It is the
/// kernel's lock on a file beside the record (on Linux an open file description's, as <c>flock</c>'s), so it goes
/// with the process that held it however that process ended: a killed build's lock is free at once, and no file can
/// go stale. The file says who holds it (pid and kind, for the waiting message only) and marks each change of
/// output/, so that a process's memory of output/ is used only while no one else changed it.
/// </summary>
public sealed partial class OutputLock : IDisposable
{
    /// <summary>How long a build waits for another writer of the same output folder before it gives up.</summary>
    public static TimeSpan DefaultPatience { get; } = TimeSpan.FromMinutes(10);

    /// <summary>A wait shorter than this is not worth a line (the build server's record, written after its reply, takes a few ms).</summary>
    private static readonly TimeSpan QuietWait = TimeSpan.FromMilliseconds(100);

    private const int Size = 96; // pid, kind and mark, padded: always written in place, so a full disk cannot refuse it
    private readonly SafeFileHandle _file;
    private readonly string _kind;
    private int _released;
    private bool _kept;

    private OutputLock(SafeFileHandle file, string kind, string mark) => (_file, _kind, Mark) = (file, kind, mark);

    /// <summary>The mark of the last build that changed output/ ("" when none is known).</summary>
    public string Mark { get; private set; }

    /// <summary>The lock of the output folder whose record is <paramref name="recordPath"/>: the same path with <c>.lock</c>.</summary>
    public static string PathFor(string recordPath) => Path.ChangeExtension(recordPath, ".lock");

    /// <summary>Takes the lock, waiting up to <paramref name="patience"/> for the process that holds it.</summary>
    /// <param name="kind">What this process is, for another one's waiting message: build, build server, preview.</param>
    /// <param name="waiting">Told once, when the wait is more than a moment: what it waits for.</param>
    /// <exception cref="OutputBusyException">Still held after <paramref name="patience"/>.</exception>
    /// <exception cref="IOException">The lock's file cannot be made or written (a read-only or full disk).</exception>
    public static OutputLock Take(string path, string kind, TimeSpan patience, Action<string> waiting, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // The lock is the one taken below, held by this open file alone: others may open the file to read who holds it.
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            var clock = Stopwatch.StartNew();
            var (said, pause) = (false, 1);
            while (!TryLock(file, path))
            {
                if (!said && clock.Elapsed >= QuietWait)
                {
                    waiting($"waiting for {Holder(file)} to finish…");
                    said = true;
                }

                if (clock.Elapsed >= patience)
                {
                    throw new OutputBusyException(Holder(file), patience);
                }

                cancellation.ThrowIfCancellationRequested();
                Thread.Sleep(pause);
                pause = Math.Min(pause * 2, 50);
            }

            var taken = new OutputLock(file, kind, Read(file).Mark);
            taken.Write();
            return taken;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Notes, before output/ changes, that it does: a new mark, which the caller keeps as its own.</summary>
    public string Changing()
    {
        Mark = Guid.NewGuid().ToString("N");
        Write();
        return Mark;
    }

    /// <summary>Keeps the lock past <see cref="Dispose"/>, until the returned object is disposed (the build server writes its record after replying).</summary>
    public IDisposable KeepPastDispose()
    {
        _kept = true;
        return new Keeper(this);
    }

    public void Dispose()
    {
        if (!_kept)
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _file.Dispose(); // closing the file releases its lock
        }
    }

    private void Write()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n{_kind}\n{Mark}\n");
        var bytes = Encoding.UTF8.GetBytes(text.PadRight(Size - 1) + "\n");
        RandomAccess.Write(_file, bytes.AsSpan(0, Size), 0);
    }

    private static (string? Pid, string? Kind, string Mark) Read(SafeFileHandle file)
    {
        var bytes = new byte[Size];
        var length = RandomAccess.Read(file, bytes, 0);
        var lines = Encoding.UTF8.GetString(bytes, 0, length).Split('\n');
        return lines.Length >= 3 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out _)
            ? (lines[0], lines[1], lines[2].Trim())
            : (null, null, "");
    }

    /// <summary>Who holds the lock, as its file says: the build of pid 1234 (preview).</summary>
    private static string Holder(SafeFileHandle file) =>
        Read(file) is { Pid: { } pid, Kind: { } kind } ? $"the build of pid {pid} ({kind})" : "another build of this output folder";

    private static bool TryLock(SafeFileHandle file, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return TryLockWindows(file);
        }

        while (true)
        {
            var whole = new FileRange(WriteLock, 0, 0, 0, 0, 0);
            var result = OperatingSystem.IsLinux() && Environment.Is64BitProcess
                ? fcntl((int)file.DangerousGetHandle(), SetOpenFileLock, ref whole)
                : flock((int)file.DangerousGetHandle(), LockExclusive | LockNonBlocking);
            if (result == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == Interrupted)
            {
                continue;
            }

            return error is WouldBlock or WouldBlockBsd or Denied
                ? false
                : throw new IOException($"cannot lock {path}: {Marshal.GetPInvokeErrorMessage(error)}", error);
        }
    }

    /// <summary>Windows locks byte ranges, not files: the first byte past the text stands for the file.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static bool TryLockWindows(SafeFileHandle file)
    {
        try
        {
            using var stream = new FileStream(new SafeFileHandle(file.DangerousGetHandle(), ownsHandle: false), FileAccess.ReadWrite);
            stream.Lock(Size, 1);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Linux's lock of an open file description (F_OFD_SETLK): flock's semantics (held by this open file, gone with the
    // process), but apart from flock itself, which the runtime takes, shared, on every file it opens for writing unless
    // System.IO.DisableFileLocking is set (the tests and other tools reading the file do not set it).
    private const int SetOpenFileLock = 37; // F_OFD_SETLK
    private const short WriteLock = 1; // F_WRLCK
    private const int LockExclusive = 2; // LOCK_EX, elsewhere
    private const int LockNonBlocking = 4; // LOCK_NB
    private const int Interrupted = 4; // EINTR
    private const int Denied = 13; // EACCES: a range lock held by another
    private const int WouldBlock = 11; // EAGAIN on Linux
    private const int WouldBlockBsd = 35; // on macOS

    /// <summary>struct flock on 64-bit Linux: type, whence, start, length (0: to the end, whatever it becomes), pid (0 for OFD locks).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private record struct FileRange(short Type, short Whence, long Start, long Length, int Pid, int Padding);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int command, ref FileRange range);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int flock(int fd, int operation);

    private sealed class Keeper(OutputLock held) : IDisposable
    {
        public void Dispose() => held.Release();
    }
}

/// <summary>Another writer held the output folder's lock for longer than this build would wait.</summary>
public sealed class OutputBusyException(string holder, TimeSpan patience)
    : Exception($"the output folder is being written by {holder}, which did not finish within {patience.TotalSeconds:0} s")
{
    public string Holder { get; } = holder;
}
