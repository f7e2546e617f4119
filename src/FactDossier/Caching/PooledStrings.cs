using FactDossier.Publishing;
using MemoryPack;

namespace FactDossier.Caching;

/// <summary>
/// Strings that repeat by thousands in what is kept between runs (a claim file's path in each of its spans, a page's
/// ids): each distinct value is one string per file read, as MemoryPack would otherwise make one per occurrence. The
/// pool is the read's own (<see cref="CheckedFile.Read{T}"/> gives it through the options): nothing outlives the read.
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
    /// <summary>The options of one read, with its pool.</summary>
    public static MemoryPackSerializerOptions ForRead() => new() { ServiceProvider = new Pool() };

    private static string? Pooled(ref MemoryPackReader reader)
    {
        var value = reader.ReadString();
        return value is not null && reader.Options.ServiceProvider?.GetService(typeof(StringPool)) is StringPool pool ? pool.Get(value) : value;
    }

    public sealed class One : MemoryPackFormatter<string>
    {
        public static One Instance { get; } = new();

        public override void Serialize<TBufferWriter>(ref MemoryPackWriter<TBufferWriter> writer, scoped ref string? value) => writer.WriteString(value);

        public override void Deserialize(ref MemoryPackReader reader, scoped ref string? value) => value = Pooled(ref reader);
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
                writer.WriteString(item);
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
                set.Add(Pooled(ref reader) ?? throw new MemoryPackSerializationException("a null in a set of strings"));
            }

            value = set;
        }
    }

    private sealed class Pool : IServiceProvider
    {
        private readonly StringPool _strings = new();

        public object? GetService(Type serviceType) => serviceType == typeof(StringPool) ? _strings : null;
    }
}
