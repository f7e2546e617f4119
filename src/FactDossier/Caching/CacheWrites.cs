namespace FactDossier.Caching;

/// <summary>
/// Cache files written while the build goes on, all finished when it ends. A cache that cannot be written is only a
/// slower next run, whatever went wrong: the problem is not the editor's, and the build's own writes report the
/// disk's state.
/// </summary>
internal sealed class CacheWrites : IDisposable
{
    private readonly List<Task> _writes = [];

    public void Start(Action write) => _writes.Add(Task.Run(() =>
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
    }));

    public void Dispose() => Task.WaitAll(_writes);
}
