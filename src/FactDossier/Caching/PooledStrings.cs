using MemoryPack;

namespace FactDossier.Caching;

/// <summary>
/// Strings that repeat by thousands in what is kept between runs (a claim file's path in each of its spans, a page's
/// ids, the claims a page shows): each distinct value is written once per file, then by its number, and read back as
/// one string. The table is the write's or the read's own (<see cref="CheckedFile"/> gives it through the options):
/// nothing outlives one file.
/// </summary>
internal sealed class PooledStringAttribute : MemoryPackCustomFormatterAttribute<PooledStrings.One, string>
{
    public override PooledStrings.One GetFormatter() => PooledStrings.One.Instance;
}

/// <inheritdoc cref="PooledStringAttribute"/>
internal sealed class PooledSetAttribute : MemoryPackCustomFormatterAttribute<PooledStrings.Set, IReadOnlySet<string>>
{
    public override PooledStrings.Set GetFormatter() => PooledStrings.Set.Instance;
}

internal static class PooledStrings
{
    /// <summary>The options of one write or one read, with its own table.</summary>
    public static MemoryPackSerializerOptions Options() => new() { ServiceProvider = new Table() };

    // A pooled string is a number: 0 for a string written out next (null included), n ≥ 1 for the file's nth one.
    private static void Write<TBufferWriter>(ref MemoryPackWriter<TBufferWriter> writer, string? value)
        where TBufferWriter : System.Buffers.IBufferWriter<byte>
    {
        var numbers = ((Table)writer.Options.ServiceProvider!).Numbers;
        if (value is not null && !numbers.TryAdd(value, numbers.Count + 1))
        {
            writer.WriteVarInt(numbers[value]); // written before: its number
            return;
        }

        writer.WriteVarInt(0);
        writer.WriteString(value);
    }

    private static string? Read(ref MemoryPackReader reader)
    {
        var strings = ((Table)reader.Options.ServiceProvider!).Strings;
        var number = reader.ReadVarIntInt32();
        if (number != 0)
        {
            return strings[number - 1]; // out of the table: ArgumentOutOfRangeException, a damaged file
        }

        var value = reader.ReadString();
        if (value is not null)
        {
            strings.Add(value);
        }

        return value;
    }

    public sealed class One : MemoryPackFormatter<string>
    {
        public static One Instance { get; } = new();

        public override void Serialize<TBufferWriter>(ref MemoryPackWriter<TBufferWriter> writer, scoped ref string? value) => Write(ref writer, value);

        public override void Deserialize(ref MemoryPackReader reader, scoped ref string? value) => value = Read(ref reader);
    }

    /// <summary>A set of strings, read back as an ordinal <see cref="HashSet{T}"/> of pooled strings.</summary>
    public sealed class Set : MemoryPackFormatter<IReadOnlySet<string>>
    {
        public static Set Instance { get; } = new();

        public override void Serialize<TBufferWriter>(ref MemoryPackWriter<TBufferWriter> writer, scoped ref IReadOnlySet<string>? value)
        {
            if (value is null)
            {
                writer.WriteNullCollectionHeader();
                return;
            }

            writer.WriteCollectionHeader(value.Count);
            foreach (var item in value.Order(StringComparer.Ordinal))
            {
                Write(ref writer, item);
            }
        }

        public override void Deserialize(ref MemoryPackReader reader, scoped ref IReadOnlySet<string>? value)
        {
            if (!reader.TryReadCollectionHeader(out var count))
            {
                value = null;
                return;
            }

            var set = new HashSet<string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                set.Add(Read(ref reader) ?? throw new MemoryPackSerializationException("a null in a set of strings"));
            }

            value = set;
        }
    }

    /// <summary>The strings of one file: by value while writing, by number while reading.</summary>
    private sealed class Table : IServiceProvider
    {
        public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);

        public List<string> Strings { get; } = [];

        public object? GetService(Type serviceType) => serviceType == typeof(Table) ? this : null;
    }
}
