using System.Collections.Frozen;
using System.IO.Hashing;
using FactDossier.Diagnostics;
using FactDossier.Loading;

namespace FactDossier.Building;

/// <summary>A file's length and modification time: a file with the same stamp is taken to hold the same bytes (as make and Hugo do).</summary>
internal readonly record struct FileStamp(long Length, long Ticks)
{
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}

/// <summary>A file the build wrote into the output folder: its stamp once written, and a hash of its bytes.</summary>
internal readonly record struct OutputFile(FileStamp Stamp, UInt128 Hash);

/// <summary>What decides whether a page must be rendered again (as <see cref="Planning.PagePlan"/> says it), and the ids it offers to links.</summary>
internal sealed record RecordedPage(IReadOnlySet<string>? Shows, string? Signature, IReadOnlySet<string> Ids);

/// <summary>
/// What the last command-line build published, kept between runs under <c>.cache/factdossier/</c>: the stamp of every
/// file it read, each page's render-again facts and ids, the hash and stamp of every file it wrote, and its warnings.
/// With it the next run knows, before reading anything, whether nothing changed (and then writes nothing), or which
/// claims did (and then renders only the pages that show them), and writes only the files whose bytes changed. A
/// missing, unreadable or stale record (another version of the tool, other options) means a full build.
/// </summary>
internal sealed record SiteRecord(
    string Key,
    IReadOnlyDictionary<string, FileStamp> Inputs,
    IReadOnlyDictionary<string, RecordedPage> Pages,
    IReadOnlyDictionary<string, OutputFile> Outputs,
    IReadOnlyList<Diagnostic> Warnings,
    BuildStats Stats)
{
    /// <summary>How many claims carry each tag: every claim's view shows its tags' counts, so a claim whose tag count changed changed too.</summary>
    public IReadOnlyDictionary<string, int> TagCounts { get; init; } = new Dictionary<string, int>();

    private const string Magic = "FactDossier site record";
    private const int FormatVersion = 2;

    /// <summary>The tool's own build and the options that change the output: a record made under other ones is not used.</summary>
    public static string KeyOf(BuildOptions options) =>
        $"{typeof(SiteRecord).Assembly.ManifestModule.ModuleVersionId:N}|{options.BasePath}|{options.BaseUrl}|{options.Strict}|{options.Layout.Output}";

    /// <summary>The record's file: one per output folder, under the project root's cache.</summary>
    public static string PathFor(InputLayout layout)
    {
        var output = System.Text.Encoding.UTF8.GetBytes(layout.Output);
        return Path.Combine(layout.Root, ".cache", "factdossier", $"site-{XxHash3.HashToUInt64(output):x16}.bin");
    }

    /// <summary>The record left for these options, or null when there is none or it cannot be trusted.</summary>
    public static SiteRecord? Read(BuildOptions options)
    {
        try
        {
            var bytes = File.ReadAllBytes(PathFor(options.Layout));
            if (bytes.Length < 8 || XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)) != BitConverter.ToUInt64(bytes, bytes.Length - 8))
            {
                return null; // truncated or corrupted
            }

            using var reader = new RecordReader(new MemoryStream(bytes, 0, bytes.Length - 8));
            var record = reader.ReadRecord();
            return record.Key == KeyOf(options) ? record : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Written whole under a temporary name and then renamed: a reader finds the old record, the new one, or none.</summary>
    public void Write(InputLayout layout)
    {
        var path = PathFor(layout);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var buffer = new MemoryStream();
        using (var writer = new RecordWriter(buffer))
        {
            writer.WriteRecord(this);
        }

        var checksum = XxHash3.HashToUInt64(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(BitConverter.GetBytes(checksum));
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removed before the output changes, so that a build killed midway leaves no record that no longer describes it.</summary>
    public static void Delete(InputLayout layout)
    {
        if (File.Exists(PathFor(layout)))
        {
            File.Delete(PathFor(layout));
        }
    }

    /// <summary>The recorded output files that are no longer as this record left them (deleted, or changed by hand).</summary>
    public IReadOnlySet<string> DamagedOutputs(string output)
    {
        var damaged = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(Outputs, file =>
        {
            if (FileStamp.Of(Path.Combine(output, file.Key)) != file.Value.Stamp)
            {
                damaged.Add(file.Key);
            }
        });
        return damaged.ToFrozenSet(StringComparer.Ordinal);
    }

    private sealed class RecordWriter(Stream stream) : IDisposable
    {
        private readonly BinaryWriter _writer = new(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

        public void WriteRecord(SiteRecord record)
        {
            _writer.Write(Magic);
            _writer.Write(FormatVersion);
            _writer.Write(record.Key);
            WriteAll(record.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal), input =>
            {
                _writer.Write(input.Key);
                WriteStamp(input.Value);
            });
            WriteAll(record.Pages.OrderBy(p => p.Key, StringComparer.Ordinal), page =>
            {
                _writer.Write(page.Key);
                _writer.Write(page.Value.Shows is not null);
                if (page.Value.Shows is { } shows)
                {
                    WriteAll(shows.Order(StringComparer.Ordinal), String);
                }

                _writer.Write(page.Value.Signature is not null);
                if (page.Value.Signature is { } signature)
                {
                    _writer.Write(signature);
                }

                WriteAll(page.Value.Ids.Order(StringComparer.Ordinal), String);
            });
            WriteAll(record.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal), output =>
            {
                _writer.Write(output.Key);
                WriteStamp(output.Value.Stamp);
                _writer.Write((ulong)(output.Value.Hash >> 64));
                _writer.Write((ulong)output.Value.Hash);
            });
            WriteAll(record.Warnings, warning =>
            {
                _writer.Write(warning.Code.Id);
                _writer.Write((int)warning.Severity);
                _writer.Write(warning.Span.Path);
                _writer.Write(warning.Span.Line);
                _writer.Write(warning.Span.Column);
                _writer.Write(warning.Message);
                _writer.Write(warning.Hint ?? "");
            });
            WriteAll(record.TagCounts.OrderBy(t => t.Key, StringComparer.Ordinal), tag =>
            {
                _writer.Write(tag.Key);
                _writer.Write(tag.Value);
            });
            var s = record.Stats;
            foreach (var number in new[] { s.Articles, s.Claims, s.Quotes, s.QuotesAnchored, s.Pages, s.Files })
            {
                _writer.Write(number);
            }
        }

        // Ids and claim ids repeat across thousands of pages: each distinct one is written once, then by number.
        private void String(string value)
        {
            if (_strings.TryGetValue(value, out var index))
            {
                _writer.Write7BitEncodedInt(index + 1);
                return;
            }

            _strings[value] = _strings.Count;
            _writer.Write7BitEncodedInt(0);
            _writer.Write(value);
        }

        private void WriteStamp(FileStamp stamp)
        {
            _writer.Write(stamp.Length);
            _writer.Write(stamp.Ticks);
        }

        private void WriteAll<T>(IEnumerable<T> items, Action<T> write)
        {
            var list = items as IReadOnlyCollection<T> ?? [.. items];
            _writer.Write7BitEncodedInt(list.Count);
            foreach (var item in list)
            {
                write(item);
            }
        }

        public void Dispose() => _writer.Dispose();
    }

    private sealed class RecordReader(Stream stream) : IDisposable
    {
        private readonly BinaryReader _reader = new(stream, System.Text.Encoding.UTF8);
        private readonly List<string> _strings = [];

        public SiteRecord ReadRecord()
        {
            if (_reader.ReadString() != Magic || _reader.ReadInt32() != FormatVersion)
            {
                throw new FormatException("not a site record of this version");
            }

            var key = _reader.ReadString();
            var inputs = ReadAll(() => (_reader.ReadString(), ReadStamp())).ToDictionary(i => i.Item1, i => i.Item2, StringComparer.Ordinal);
            var pages = ReadAll(() =>
            {
                var path = _reader.ReadString();
                IReadOnlySet<string>? shows = _reader.ReadBoolean() ? ReadAll(String).ToHashSet(StringComparer.Ordinal) : null;
                var signature = _reader.ReadBoolean() ? _reader.ReadString() : null;
                var ids = ReadAll(String).ToHashSet(StringComparer.Ordinal);
                return (path, new RecordedPage(shows, signature, ids));
            }).ToDictionary(p => p.path, p => p.Item2, StringComparer.Ordinal);
            var outputs = ReadAll(() =>
            {
                var path = _reader.ReadString();
                var stamp = ReadStamp();
                var high = _reader.ReadUInt64();
                var low = _reader.ReadUInt64();
                return (path, new OutputFile(stamp, new UInt128(high, low)));
            }).ToDictionary(o => o.path, o => o.Item2, StringComparer.Ordinal);
            var warnings = ReadAll(() =>
            {
                var id = _reader.ReadString();
                var code = DiagnosticCode.All.FirstOrDefault(c => c.Id == id) ?? throw new FormatException($"unknown code {id}");
                var severity = (Severity)_reader.ReadInt32();
                var span = new SourceSpan(_reader.ReadString(), _reader.ReadInt32(), _reader.ReadInt32());
                var message = _reader.ReadString();
                var hint = _reader.ReadString();
                return new Diagnostic(code, span, message, hint.Length == 0 ? null : hint) { Severity = severity };
            });
            var tags = ReadAll(() => (_reader.ReadString(), _reader.ReadInt32())).ToDictionary(t => t.Item1, t => t.Item2, StringComparer.Ordinal);
            var n = Enumerable.Range(0, 6).Select(_ => _reader.ReadInt32()).ToArray();
            return new SiteRecord(key, inputs, pages, outputs, warnings, new BuildStats(n[0], n[1], n[2], n[3], n[4], n[5], [])) { TagCounts = tags };
        }

        private string String()
        {
            var index = _reader.Read7BitEncodedInt();
            if (index > 0)
            {
                return _strings[index - 1];
            }

            var value = _reader.ReadString();
            _strings.Add(value);
            return value;
        }

        private FileStamp ReadStamp() => new(_reader.ReadInt64(), _reader.ReadInt64());

        private List<T> ReadAll<T>(Func<T> read)
        {
            var count = _reader.Read7BitEncodedInt();
            var items = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                items.Add(read());
            }

            return items;
        }

        public void Dispose() => _reader.Dispose();
    }
}
