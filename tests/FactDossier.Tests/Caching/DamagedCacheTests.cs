using FactDossier.Building;
using FactDossier.Loading;
using FactDossier.Tests.Support;

namespace FactDossier.Tests.Caching;

/// <summary>
/// Every file of <c>.cache/factdossier/</c> (the loaded files, Markdown's HTML, the anchors, the record, the output
/// lock, the drawn share images), truncated, zeroed, changed, emptied, replaced by garbage or by another build's file:
/// the next build, from the command line or a build server (running, or started after the damage), gives exactly a
/// clean build's site. A damaged file is only a slower build.
/// </summary>
public sealed class DamagedCacheTests
{
    private const string Claim = "input/claims/reduce.yml";

    public static readonly string[] Kinds = ["files", "markdown", "anchors", "record", "lock", "share images"];

    public static TheoryData<string, string> CommandLineDamages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Kinds)
        {
            foreach (var damage in (string[])["truncated", "zeroed", "one byte changed", "empty", "garbage", "another build's"])
            {
                data.Add(kind, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLineDamages))]
    public void A_damaged_stored_file_gives_a_clean_build_s_site_from_the_command_line(string kind, string damage)
    {
        using var project = TestProject.Minimal();
        var options = Options(project);
        var older = Stored(project, kind).ToDictionary(f => f, File.ReadAllBytes); // another build's files: the same kind, other input
        Edit(project, 1);
        Assert.True(SiteBuilder.Build(options).Succeeded);

        Damage(project, kind, damage, older);
        Edit(project, 2);

        var rebuilt = SiteBuilder.Build(options); // goes by the record, unless it is the damaged file
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        AssertSameAsCleanBuild(project);
        Directory.Delete(project.Output, recursive: true); // every page, data file and image made again, from the stored work
        Assert.True(SiteBuilder.Build(options).Succeeded);
        AssertSameAsCleanBuild(project);
    }

    public static TheoryData<string, string, bool> ServerDamages()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var kind in Kinds)
        {
            foreach (var damage in (string[])["zeroed", "another build's"])
            {
                data.Add(kind, damage, true);
                data.Add(kind, damage, false);
            }
        }

        return data;
    }

    /// <summary>Zeroed keeps the file's length and time: a server that trusted a stamp would not see it.</summary>
    [Theory]
    [MemberData(nameof(ServerDamages))]
    public void A_damaged_stored_file_gives_a_clean_build_s_site_from_a_build_server(string kind, string damage, bool serverStartedAfter)
    {
        using var project = TestProject.Minimal();
        var options = Options(project);
        var older = Stored(project, kind).ToDictionary(f => f, File.ReadAllBytes);
        Edit(project, 1);
        Assert.True(SiteBuilder.Build(options).Succeeded);
        var memory = new BuildMemory { KeepsNoRecord = false };
        if (!serverStartedAfter)
        {
            SiteBuilder.WarmUp(options, memory);
            Assert.NotNull(memory.Last);
        }

        Damage(project, kind, damage, older);
        if (serverStartedAfter)
        {
            SiteBuilder.WarmUp(options, memory);
        }

        Edit(project, 2);
        var served = SiteBuilder.Build(options, memory);
        memory.FinishBackgroundWork();

        Assert.True(served.Succeeded, string.Join("\n", served.Diagnostics));
        AssertSameAsCleanBuild(project);
        Edit(project, 3);
        Assert.True(SiteBuilder.Build(options, memory).Succeeded); // and its memory, kept or made again, serves the next edit
        memory.FinishBackgroundWork();
        AssertSameAsCleanBuild(project);
    }

    private static BuildOptions Options(TestProject project) => new(project.Layout);

    /// <summary>The first build's stored files of one kind, written by a build of the original input.</summary>
    private static string[] Stored(TestProject project, string kind)
    {
        Assert.True(SiteBuilder.Build(Options(project)).Succeeded);
        return Files(project, kind);
    }

    private static string[] Files(TestProject project, string kind)
    {
        var folder = project.PathOf(".cache/factdossier");
        var pattern = kind switch
        {
            "record" => Path.GetFileName(SiteRecord.PathFor(project.Layout)),
            "lock" => Path.ChangeExtension(Path.GetFileName(SiteRecord.PathFor(project.Layout)), ".lock"),
            "share images" => Path.Combine("share", "*"),
            _ => kind + ".bin",
        };
        var files = Directory.GetFiles(Path.Combine(folder, Path.GetDirectoryName(pattern)!), Path.GetFileName(pattern)).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        return files;
    }

    private static void Damage(TestProject project, string kind, string damage, Dictionary<string, byte[]> older)
    {
        var files = Files(project, kind);
        for (var i = 0; i < files.Length; i++)
        {
            var (file, time) = (files[i], File.GetLastWriteTimeUtc(files[i]));
            switch (damage)
            {
                case "zeroed":
                    File.WriteAllBytes(file, new byte[new FileInfo(file).Length]);
                    File.SetLastWriteTimeUtc(file, time);
                    break;
                case "another build's":
                    // The same file as the build of other input wrote it; an image, another image's (images are named by what they show).
                    var other = kind == "share images" ? File.ReadAllBytes(files[(i + 1) % files.Length]) : older[file];
                    Assert.False(other.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{file}: the other build's is the same");
                    File.WriteAllBytes(file, other);
                    break;
                default:
                    Support.Damage.Apply(file, damage);
                    break;
            }
        }
    }

    /// <summary>Edit n of the claim: its headline, its explanation (Markdown) and its quote (anchors) all change, so every stored file does.</summary>
    private static void Edit(TestProject project, int n)
    {
        var original = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "minimal", Claim));
        project.Write(Claim, Replace(Replace(Replace(original,
            "headline: The ministry will radically reduce its activity near Kyiv", $"headline: The ministry will radically reduce its activity near Kyiv ({n})"),
            "see [the wire](https://example.org/wire).", $"see [the wire](https://example.org/wire), edit {n}."),
            "quote: réduire « radicalement » son activité", n % 2 == 1 ? "quote: réduire « radicalement »" : "quote: réduire « radicalement » son activité"));
    }

    private static string Replace(string text, string passage, string replacement)
    {
        Assert.Contains(passage, text, StringComparison.Ordinal);
        return text.Replace(passage, replacement, StringComparison.Ordinal);
    }

    private static void AssertSameAsCleanBuild(TestProject project)
    {
        using var clean = TestProject.Minimal();
        Directory.Delete(clean.PathOf("input"), recursive: true);
        TestProject.Copy(project.PathOf("input"), clean.PathOf("input"));
        Assert.True(SiteBuilder.Build(Options(clean)).Succeeded);
        OutputSnapshot.AssertIdentical(OutputSnapshot.Of(clean.Output), OutputSnapshot.Of(project.Output));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(project.Root, "*output*").Select(Path.GetFileName)); // no staging folder or journal left
    }
}
