using System.Collections.Concurrent;
using System.Diagnostics;
using FactDossier.Publishing;

namespace FactDossier.Tests.Publishing;

/// <summary>
/// The output folder's lock: one holder at a time (two open files of one process are two holders, as two processes
/// are), a second one waits (saying once for whom) up to its patience, and the file marks the last change of output/.
/// A killed holder: <c>OutputLockProcessTests</c>.
/// </summary>
public sealed class OutputLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factdossier-tests", Guid.NewGuid().ToString("N"));

    private string LockPath => Path.Combine(_folder, ".cache", "factdossier", "site-0123456789abcdef.lock");

    [Fact]
    public void A_second_writer_waits_says_once_for_whom_and_gives_up_after_its_patience()
    {
        using var first = OutputLock.Take(LockPath, "preview", TimeSpan.Zero, Fail);
        var told = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        var busy = Assert.Throws<OutputBusyException>(() => OutputLock.Take(LockPath, "build", TimeSpan.FromSeconds(1), told.Enqueue));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        var holder = $"the build of pid {Environment.ProcessId} (preview)";
        Assert.Equal([$"waiting for {holder} to finish…"], told);
        Assert.Equal(holder, busy.Holder);
        Assert.Contains("did not finish within 1 s", busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_writer_takes_the_lock_as_soon_as_the_first_lets_it_go()
    {
        var first = OutputLock.Take(LockPath, "build", TimeSpan.Zero, Fail);
        var told = new ConcurrentQueue<string>();
        var second = Task.Run(() => OutputLock.Take(LockPath, "build server", TimeSpan.FromMinutes(1), told.Enqueue));
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(500)));

        first.Dispose();

        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Single(told);
    }

    [Fact]
    public void A_short_wait_says_nothing()
    {
        // The first holder lets go after 20 ms on a thread of its own (not the pool, which a loaded test run starves).
        // A run where the machine delayed that past the 100 ms a wait may last unsaid proves nothing: try again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var first = OutputLock.Take(LockPath, "build", TimeSpan.Zero, Fail);
            var told = new ConcurrentQueue<string>();
            var clock = Stopwatch.StartNew();
            var releasedAt = TimeSpan.Zero;
            var releaser = new Thread(() => { Thread.Sleep(20); releasedAt = clock.Elapsed; first.Dispose(); });
            releaser.Start();

            OutputLock.Take(LockPath, "build", TimeSpan.FromMinutes(1), told.Enqueue).Dispose();
            releaser.Join();
            if (releasedAt < TimeSpan.FromMilliseconds(90))
            {
                Assert.Empty(told);
                return;
            }
        }

        Assert.Fail("the machine never let a thread run within 90 ms of its 20 ms sleep: nothing was tested");
    }

    [Fact]
    public void A_lock_kept_past_dispose_is_held_until_its_keeper_is_disposed()
    {
        var keeper = default(IDisposable);
        using (var held = OutputLock.Take(LockPath, "build server", TimeSpan.Zero, Fail))
        {
            keeper = held.KeepPastDispose();
        }

        Assert.True(Held());
        keeper.Dispose();
        Assert.False(Held());
    }

    [Fact]
    public void Each_change_of_output_leaves_a_new_mark_which_the_next_holder_reads()
    {
        string mark;
        using (var first = OutputLock.Take(LockPath, "preview", TimeSpan.Zero, Fail))
        {
            Assert.Equal("", first.Mark); // a new lock: no change known
            mark = first.Changing();
            Assert.Equal(mark, first.Mark);
        }

        using (var second = OutputLock.Take(LockPath, "build", TimeSpan.Zero, Fail))
        {
            Assert.Equal(mark, second.Mark);
            Assert.NotEqual(mark, second.Changing());
        }

        Assert.Equal(96, new FileInfo(LockPath).Length); // written in place, always the same size
    }

    [Fact]
    public void A_lock_file_that_says_nothing_readable_names_no_one()
    {
        using var holder = OutputLock.Take(LockPath, "build", TimeSpan.Zero, Fail);
        File.WriteAllText(LockPath, "garbage"); // a foreign or damaged file: the lock is the kernel's, not the text's
        var told = new ConcurrentQueue<string>();

        Assert.Throws<OutputBusyException>(() => OutputLock.Take(LockPath, "build", TimeSpan.FromMilliseconds(300), told.Enqueue));

        Assert.Equal(["waiting for another build of this output folder to finish…"], told);
    }

    [Fact]
    public void Readers_of_the_lock_s_file_do_not_disturb_it()
    {
        using var holder = OutputLock.Take(LockPath, "preview", TimeSpan.Zero, Fail);

        Assert.StartsWith($"{Environment.ProcessId}\npreview\n", File.ReadAllText(LockPath), StringComparison.Ordinal); // opened by the runtime, which takes flock's shared lock
        Assert.True(Held());
    }

    [Fact]
    public void The_lock_s_file_is_beside_the_record()
    {
        Assert.Equal("/p/.cache/factdossier/site-0011.lock", OutputLock.PathFor("/p/.cache/factdossier/site-0011.bin"));
    }

    /// <summary>Whether another holder has the lock now (a take that does not wait fails).</summary>
    private bool Held()
    {
        try
        {
            OutputLock.Take(LockPath, "test", TimeSpan.Zero, _ => { }).Dispose();
            return false;
        }
        catch (OutputBusyException)
        {
            return true;
        }
    }

    private static void Fail(string told) => Assert.Fail("did not expect to wait: " + told);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
