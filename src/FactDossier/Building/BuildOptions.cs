using FactDossier.Loading;

namespace FactDossier.Building;

/// <summary>
/// What to build and how. <see cref="BasePath"/> and <see cref="BaseUrl"/> override the site settings; <see cref="Write"/> is false for
/// <c>check</c>; <see cref="Strict"/> turns warnings (such as a TODO left in a claim) into errors.
/// </summary>
public sealed record BuildOptions(InputLayout Layout, string? BasePath = null, bool Write = true, bool Strict = false)
{
    /// <summary>Whether to list each passage of the articles no claim covers (<c>check --coverage</c>), not only count them.</summary>
    public bool ListUncovered { get; init; }

    /// <summary>The site's public address, overriding <c>base_url</c> of site.yml (the Pages workflow passes it).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Lists input files; tests inject a shuffled order to prove the output does not depend on it.</summary>
    public IFileEnumerator Files { get; init; } = IFileEnumerator.Sorted;

    /// <summary>How long a build waits for another writer of its output folder (<see cref="Publishing.OutputLock"/>).</summary>
    public TimeSpan LockPatience { get; init; } = Publishing.OutputLock.DefaultPatience;

    /// <summary>Told once when the build waits for another writer of its output folder; null: standard error.</summary>
    public Action<string>? Waiting { get; init; }
}
