using System.Diagnostics;

namespace FactDossier.Tests.Support;

/// <summary>
/// A small disk of its own for a test: a tmpfs mounted on a temporary folder, which a test fills up, and read-only bind
/// mounts of its folders. Root is needed (CI runs <c>.ci/run</c> as root on Debian); permission bits would not stop
/// root, a read-only mount does. A machine where mounting is refused fails the test with a line saying so.
/// </summary>
public sealed class ScratchDisk : IDisposable
{
    private readonly List<string> _mounts = [];

    private ScratchDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static ScratchDisk Mount(long bytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "factdossier-tests", "disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var disk = new ScratchDisk(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755", "tmpfs", path);
        disk._mounts.Add(path);
        return disk;
    }

    /// <summary>Space left for files on the disk.</summary>
    public long Free => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>A file that takes all the free space but <paramref name="bytes"/> (rounded down to pages by tmpfs).</summary>
    public void FillLeaving(long bytes)
    {
        Unfill();
        var size = Math.Max(0, Free - bytes);
        using (var filler = new FileStream(Filler, FileMode.CreateNew, FileAccess.Write))
        {
            var block = new byte[1 << 20];
            for (long written = 0; written < size;)
            {
                var n = (int)Math.Min(block.Length, size - written);
                filler.Write(block, 0, n);
                written += n;
            }
        }

        Assert.InRange(Free, 0, bytes + 4096);
    }

    public void Unfill() => File.Delete(Filler);

    /// <summary>Makes <paramref name="folder"/> read-only (a bind mount of itself) until the returned object is disposed.</summary>
    public IDisposable ReadOnly(string folder)
    {
        Run("mount", "--bind", folder, folder);
        _mounts.Add(folder);
        Run("mount", "-o", "remount,bind,ro", folder);
        return new Unmount(this, folder);
    }

    private static void Run(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"{string.Join(' ', command)} failed ({error.Trim()}): these tests mount a small disk and need root, as .ci/run has on CI");
    }

    private void Release(string folder)
    {
        if (_mounts.Remove(folder))
        {
            Run("umount", "-l", folder);
        }
    }

    public void Dispose()
    {
        foreach (var mount in Enumerable.Reverse(_mounts.ToList()))
        {
            Release(mount);
        }

        Directory.Delete(Path, recursive: true);
    }

    private sealed class Unmount(ScratchDisk disk, string folder) : IDisposable
    {
        public void Dispose() => disk.Release(folder);
    }
}
