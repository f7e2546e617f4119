using System.Buffers;
using FactDossier.Caching;

namespace FactDossier.Tests.Caching;

public sealed class CheckedFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factdossier-tests", Guid.NewGuid().ToString("N"));

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void The_tools_build_names_its_code_and_not_the_commit_it_was_built_at()
    {
        // The caches are keyed by the assembly's MVID: a commit hash in the assembly would make every commit, even one
        // that changes no code, a new tool whose stored work, record and build server are all thrown away.
        var version = typeof(CheckedFile).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

        Assert.DoesNotContain("+", version, StringComparison.Ordinal);
        Assert.StartsWith(typeof(CheckedFile).Assembly.ManifestModule.ModuleVersionId.ToString("N"), CheckedFile.ToolBuild, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_written_reads_back_without_its_checksum()
    {
        CheckedFile.Write(PathOf("a.bin"), buffer => buffer.Write("hello"u8));

        Assert.Equal("hello"u8.ToArray(), CheckedFile.Read(PathOf("a.bin"))!.Value.ToArray());
        Assert.Equal(5 + 8, new FileInfo(PathOf("a.bin")).Length);
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_and_no_temporary_one()
    {
        CheckedFile.Write(PathOf("a.bin"), buffer => buffer.Write("old"u8));

        Assert.Throws<InvalidOperationException>(() => CheckedFile.Write(PathOf("a.bin"), buffer =>
        {
            buffer.Write(new byte[200_000].AsSpan());
            throw new InvalidOperationException("the disk is gone");
        }));

        Assert.Equal("old"u8.ToArray(), CheckedFile.Read(PathOf("a.bin"))!.Value.ToArray());
        Assert.Equal(["a.bin"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    public void A_file_with_any_byte_changed_or_cut_short_is_not_read(int at)
    {
        CheckedFile.Write(PathOf("a.bin"), buffer => buffer.Write("hello"u8));
        var bytes = File.ReadAllBytes(PathOf("a.bin"));
        bytes[at] ^= 1;
        File.WriteAllBytes(PathOf("b.bin"), bytes);
        File.WriteAllBytes(PathOf("c.bin"), File.ReadAllBytes(PathOf("a.bin"))[..at]);

        Assert.Null(CheckedFile.Read(PathOf("b.bin")));
        Assert.Null(CheckedFile.Read(PathOf("c.bin")));
        Assert.Null(CheckedFile.Read(PathOf("missing.bin")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
