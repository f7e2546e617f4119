using System.Threading.Channels;
using FactDossier.Building;
using FactDossier.Loading;

namespace FactDossier.Preview;

/// <summary>
/// Watches <c>input/</c>, <c>seeds/</c> and <c>theme/</c> and rebuilds once the changes settle. Builds run one at a
/// time; changes that arrive during a build trigger one more build after it. A failed build publishes nothing, so
/// the server keeps serving the last good site. Each build starts from what the last one left (<see cref="BuildMemory"/>):
/// after an edit to a claim, only the pages that show it are rendered again.
/// </summary>
public sealed class RebuildLoop : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);
    private readonly BuildOptions _options;
    private readonly Action<BuildStatus> _onBuilt;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly BuildMemory _memory = new();
    private readonly Lock _seen = new();
    private HashSet<string> _written = new(StringComparer.Ordinal);
    private HashSet<string> _moved = new(StringComparer.Ordinal);
    private bool _missedSome;
    private int _version;

    public RebuildLoop(BuildOptions options, Action<BuildStatus> onBuilt)
    {
        _options = options;
        _onBuilt = onBuilt;
        var layout = options.Layout;
        foreach (var folder in new[] { layout.Input, layout.Theme, Path.Combine(layout.Root, "seeds") }.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Saw(e.FullPath, moved: false);
            watcher.Created += (_, e) => Saw(e.FullPath, moved: true);
            watcher.Deleted += (_, e) => Saw(e.FullPath, moved: true);
            watcher.Renamed += (_, e) =>
            {
                Saw(e.OldFullPath, moved: true);
                Saw(e.FullPath, moved: true);
            };
            watcher.Error += (_, _) => // the kernel's queue overflowed: changes went unseen, check every file
            {
                lock (_seen)
                {
                    _missedSome = true;
                }

                Signal();
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>What the builds carry from one to the next (tests read how the last one was made).</summary>
    internal BuildMemory Memory => _memory;

    public BuildStatus BuildNow()
    {
        // What the watchers saw up to now is what this build reads again; what they see from now on is for the next one.
        lock (_seen)
        {
            _memory.Files.Expect(_missedSome ? null : Changes(_written, _moved));
            (_written, _moved, _missedSome) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), false);
        }

        var status = new BuildStatus(Interlocked.Increment(ref _version), SiteBuilder.Build(_options, _memory));
        _onBuilt(status);
        return status;
    }

    public void Signal() => _changes.Writer.TryWrite(true);

    /// <summary>
    /// Once the first build is served, and unless an edit came first: the first claim read again as if saved unchanged,
    /// and rebuilt the way an edit is (to the same bytes), without a report. The code of that path is prepared at its
    /// first run: without this, the editor's first save waited about twice a warm rebuild.
    /// </summary>
    internal void Rehearse()
    {
        if (_memory.Last?.Loaded.Claims is not [var claim, ..])
        {
            return;
        }

        lock (_seen)
        {
            if (_written.Count > 0 || _moved.Count > 0 || _missedSome)
            {
                return;
            }
        }

        // Read again into a new claim, which the stages after the load take for an edited one. Whatever the watchers
        // see meanwhile stays theirs: the next build reads it again.
        var saved = _options.Layout.FromRoot(claim.Path);
        _memory.Files.Forget(saved);
        _memory.Files.Expect(Changes(new HashSet<string>(StringComparer.Ordinal) { saved }, new HashSet<string>(StringComparer.Ordinal)));
        SiteBuilder.Build(_options, _memory);
    }

    private FileChanges Changes(HashSet<string> written, HashSet<string> moved) => new(written, moved, [.. _watchers.Select(w => w.Path)]);

    private void Saw(string path, bool moved)
    {
        lock (_seen)
        {
            (moved ? _moved : _written).Add(path);
        }

        Signal();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            Rehearse();
            while (await _changes.Reader.WaitToReadAsync(stopping))
            {
                await Task.Delay(Debounce, stopping);
                while (_changes.Reader.TryRead(out _))
                {
                    // Coalesce every change of the burst into one build.
                }

                BuildNow();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _memory.FinishBackgroundWork();
    }
}
