using System.Threading.Channels;
using FactDossier.Building;

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
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public BuildStatus BuildNow()
    {
        var status = new BuildStatus(Interlocked.Increment(ref _version), SiteBuilder.Build(_options, _memory));
        _onBuilt(status);
        return status;
    }

    public void Signal() => _changes.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
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

        _memory.FinishRetiring();
    }
}
