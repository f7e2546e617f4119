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
    public void What_is_written_reads_back_under_its_header_and_type_only()
    {
        CheckedFile.Write(PathOf("a.bin"), "header", "hello");

        Assert.Equal("hello", CheckedFile.Read<string>(PathOf("a.bin"), "header"));
        Assert.Null(CheckedFile.Read<string>(PathOf("a.bin"), "another header"));
        Assert.Null(CheckedFile.Read<byte[]>(PathOf("a.bin"), "header"));
    }

    [Fact]
    public void A_write_that_fails_leaves_the_old_file_and_no_temporary_one()
    {
        CheckedFile.Write(PathOf("a.bin"), "header", "old");

        Assert.ThrowsAny<Exception>(() => CheckedFile.Write(PathOf("a.bin"), "header", new Unstorable()));

        Assert.Equal("old", CheckedFile.Read<string>(PathOf("a.bin"), "header"));
        Assert.Equal(["a.bin"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_with_any_byte_changed_or_cut_short_is_not_read()
    {
        CheckedFile.Write(PathOf("a.bin"), "header", "hello");
        var bytes = File.ReadAllBytes(PathOf("a.bin"));
        for (var at = 0; at < bytes.Length; at++)
        {
            var changed = bytes.ToArray();
            changed[at] ^= 1;
            File.WriteAllBytes(PathOf("b.bin"), changed);
            File.WriteAllBytes(PathOf("c.bin"), bytes[..at]);

            Assert.Null(CheckedFile.Read<string>(PathOf("b.bin"), "header"));
            Assert.Null(CheckedFile.Read<string>(PathOf("c.bin"), "header"));
        }

        Assert.Null(CheckedFile.Read<string>(PathOf("missing.bin"), "header"));
    }

    [Fact]
    public void A_value_larger_than_the_write_buffer_reads_back_whole()
    {
        // The file goes to the disk buffer by buffer (64 KiB), one string alone larger than a buffer included.
        var value = new[] { new string('é', 200_000), string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},")), "" };

        CheckedFile.Write(PathOf("big.bin"), "header", value);

        Assert.Equal(value, CheckedFile.Read<string[]>(PathOf("big.bin"), "header"));
    }

    [Fact]
    public void A_repeated_path_is_stored_once_and_read_back_as_one_string()
    {
        const string path = "input/claims/a-claim-file-with-a-long-name.yml";
        var spans = Enumerable.Range(1, 10_000).Select(line => new FactDossier.Diagnostics.SourceSpan(path, line, 1)).ToArray();

        CheckedFile.Write(PathOf("spans.bin"), "header", spans);
        var read = CheckedFile.Read<FactDossier.Diagnostics.SourceSpan[]>(PathOf("spans.bin"), "header")!;

        Assert.Equal(spans, read);
        Assert.All(read, span => Assert.Same(read[0].Path, span.Path));
        Assert.True(new FileInfo(PathOf("spans.bin")).Length < spans.Length * 16, "each span after the first names its path by number");
    }

    /// <summary>A value MemoryPack cannot write: its serialization fails before anything is on disk.</summary>
    private sealed class Unstorable;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
