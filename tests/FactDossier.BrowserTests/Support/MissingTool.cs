using System.Diagnostics.CodeAnalysis;

namespace FactDossier.BrowserTests.Support;

/// <summary>
/// What a test does when a tool it needs is not on the machine: on a developer's machine it is skipped, with one line
/// saying what to install; under <c>CI=true</c> it fails, so that a quality gate cannot vanish from CI unnoticed.
/// </summary>
public static class MissingTool
{
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } value &&
        (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Names the missing tool once in <c>dotnet test</c>'s output (a skip's reason shows only in detailed logs).</summary>
    public static void Announce(string reason) => TestContext.Current.SendDiagnosticMessage(reason);

    [DoesNotReturn]
    public static void Stop(string reason)
    {
        if (InContinuousIntegration)
        {
            Assert.Fail(reason + " (CI=true: a missing tool fails the tests instead of skipping them)");
        }

        Assert.Skip(reason);
    }
}
