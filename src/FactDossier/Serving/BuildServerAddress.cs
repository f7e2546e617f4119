using System.IO.Hashing;
using System.Text;
using FactDossier.Building;

namespace FactDossier.Serving;

/// <summary>
/// Where a project's build server listens: a Unix socket in the user's own runtime folder, named by the tool's own build,
/// the project's folders and every option that changes the site, so that a server only ever answers the builds it would
/// make.
/// </summary>
public static class BuildServerAddress
{
    // sun_path holds 108 bytes with its terminating zero.
    private const int MaxSocketPath = 107;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The socket for these options, or null when the build server is off or has no private folder to listen in.</summary>
    public static string? For(BuildOptions options, Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows() || !options.Write || !IsOn(environment))
        {
            return null;
        }

        var layout = options.Layout;
        var key = Encoding.UTF8.GetBytes(string.Join('\n', SiteRecord.KeyOf(options), layout.Root, layout.Input, layout.Theme));
        var folder = PrivateFolder(environment);
        var path = folder is null ? null : Path.Combine(folder, $"{XxHash3.HashToUInt64(key):x16}.sock");
        return path is not null && Encoding.UTF8.GetByteCount(path) <= MaxSocketPath ? path : null;
    }

    /// <summary>
    /// A folder only this user can enter (XDG_RUNTIME_DIR's, else one made in the temporary folder and refused unless its
    /// mode is 0700): nobody else can listen in the server's place or send it requests.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string? PrivateFolder(Func<string, string?> environment)
    {
        var folder = environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtime
            ? Path.Combine(runtime, "factdossier")
            : Path.Combine(Path.GetTempPath(), $"factdossier-{Environment.UserName}");
        try
        {
            Directory.CreateDirectory(folder, OwnerOnly);
            return File.GetUnixFileMode(folder) == OwnerOnly ? folder : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// On by default, as MSBuild's and the C# compiler's servers are; off under CI (a fresh clone each run: nothing to keep,
    /// and no process should outlive the job), unless <c>FACTDOSSIER_BUILD_SERVER</c> says otherwise.
    /// </summary>
    public static bool IsOn(Func<string, string?> environment) =>
        environment("FACTDOSSIER_BUILD_SERVER")?.Trim().ToLowerInvariant() switch
        {
            "0" or "false" or "off" or "no" => false,
            "1" or "true" or "on" or "yes" => true,
            _ => environment("CI") is not { Length: > 0 } ci || ci.Equals("false", StringComparison.OrdinalIgnoreCase),
        };
}
