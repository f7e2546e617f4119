using System.Collections.Immutable;
using FactDossier.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FactDossier.Loading.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlValue"/> tree, turning every syntax problem into a positioned
/// diagnostic. Duplicate keys are reported here, where their positions are still known.
/// </summary>
public static class YamlTreeReader
{
    public static YamlValue? Read(string text, string path, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        var state = new ReadState(parser, path, diagnostics);
        try
        {
            return state.ReadStream();
        }
        catch (YamlException e)
        {
            // YamlDotNet places tab errors at the start of the enclosing block; the editor needs the tab itself.
            var span = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text, path) is { } tab
                ? tab
                : SpanOf(path, e.Start);
            diagnostics.Add(DiagnosticCode.YamlSyntax, span, Clean(e.Message), SyntaxHint(e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws without a position when a flow collection ("[a, b" or "{a: 1") is never closed
            // before the next block key; the innermost open one is what the editor must fix.
            var (open, closing) = state.InnermostOpenFlow() ?? (SpanOf(path, scanner.CurrentPosition), "]");
            diagnostics.Add(DiagnosticCode.YamlSyntax, open, $"this list is opened but never closed with '{closing}'",
                $"add '{closing}' at the end of the list, on the same line");
            return null;
        }
    }

    internal static SourceSpan SpanOf(string path, Mark mark) => new(path, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static SourceSpan? FirstIndentingTab(string text, string path)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new SourceSpan(path, i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string Clean(string message)
    {
        var m = message.Trim();
        var i = m.IndexOf("): ", StringComparison.Ordinal);
        if (m.StartsWith('(') && i > 0)
        {
            m = m[(i + 3)..];
        }

        return m.Length > 0 && char.IsUpper(m[0]) ? char.ToLowerInvariant(m[0]) + m[1..] : m;
    }

    private static string? SyntaxHint(string message) => message switch
    {
        _ when message.Contains("tab", StringComparison.OrdinalIgnoreCase) => "indent with spaces, not tabs",
        _ when message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase) =>
            "check the indentation of this line against the line above",
        _ when message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase) =>
            "a value that contains ': ' must be put in quotes",
        _ when message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) =>
            "a quoted value must end with the same quote mark it starts with",
        _ => null,
    };

    /// <summary>Far deeper than any input file needs; past it, a file is an accident or an attack on the reader's stack.</summary>
    private const int MaxDepth = 64;

    private sealed class ReadState(IParser parser, string path, DiagnosticBag diagnostics)
    {
        private int _depth;

        private readonly Stack<(SourceSpan Span, string Closing)> _openFlows = new();

        public (SourceSpan, string)? InnermostOpenFlow() => _openFlows.Count > 0 ? _openFlows.Peek() : null;

        public YamlValue? ReadStream()
        {
            parser.Consume<StreamStart>();
            YamlValue? root = null;
            var documents = 0;
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                documents++;
                var value = ReadValue();
                parser.Consume<DocumentEnd>();
                if (documents == 1)
                {
                    root = value;
                }
                else if (documents == 2)
                {
                    diagnostics.Add(DiagnosticCode.YamlSyntax, SpanOf(path, start.Start),
                        "a file holds one document; this second one ('---') is ignored", "remove the '---' line or split the file");
                }
            }

            parser.Consume<StreamEnd>();
            return root;
        }

        private YamlValue ReadValue()
        {
            var current = parser.Current ?? throw new InvalidOperationException("unexpected end of YAML events");
            if (current is SequenceStart or MappingStart && _depth >= MaxDepth)
            {
                throw new YamlException(current.Start, current.End, $"lists and blocks are nested more than {MaxDepth} deep");
            }

            switch (current)
            {
                case AnchorAlias alias:
                    // Aliases would let a few lines expand into an exponential tree ("billion laughs"); input files
                    // have no need for them.
                    parser.MoveNext();
                    var aliasSpan = SpanOf(path, alias.Start);
                    diagnostics.Add(DiagnosticCode.YamlSyntax, aliasSpan, $"'*{alias.Value.Value}' repeats a value by reference, which input files do not support",
                        "write the value out in full");
                    return new YamlScalar("", true, aliasSpan);
                case Scalar scalar:
                    parser.MoveNext();
                    return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, SpanOf(path, scalar.Start));
                case SequenceStart seq:
                    _depth++;
                    var sequence = ReadSequence(seq);
                    _depth--;
                    return sequence;
                case MappingStart map:
                    _depth++;
                    var mapping = ReadMapping(map);
                    _depth--;
                    return mapping;
                default:
                    throw new InvalidOperationException($"unexpected YAML event {current.GetType().Name}");
            }
        }

        private YamlSequence ReadSequence(SequenceStart start)
        {
            parser.MoveNext();
            var span = SpanOf(path, start.Start);
            var isFlow = start.Style == SequenceStyle.Flow;
            if (isFlow)
            {
                _openFlows.Push((span, "]"));
            }

            var items = ImmutableArray.CreateBuilder<YamlValue>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadValue());
            }

            if (isFlow)
            {
                _openFlows.Pop();
            }

            return new YamlSequence(items.ToImmutable(), span);
        }

        private YamlMapping ReadMapping(MappingStart start)
        {
            parser.MoveNext();
            var span = SpanOf(path, start.Start);
            var isFlow = start.Style == MappingStyle.Flow;
            if (isFlow)
            {
                _openFlows.Push((span, "}"));
            }

            var entries = ImmutableArray.CreateBuilder<YamlEntry>();
            var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyValue = ReadValue();
                var value = ReadValue();
                if (keyValue is not YamlScalar key)
                {
                    diagnostics.Add(DiagnosticCode.YamlSyntax, keyValue.Span, "a field name must be plain text, not " + keyValue.KindName);
                    continue;
                }

                if (seen.TryGetValue(key.Text, out var first))
                {
                    diagnostics.Add(DiagnosticCode.DuplicateKey, key.Span,
                        $"'{key.Text}' is written twice in the same block (first at line {first.Span.Line})",
                        "keep one of the two; for several values use a list");
                    continue;
                }

                seen[key.Text] = key;
                entries.Add(new YamlEntry(key, value));
            }

            if (isFlow)
            {
                _openFlows.Pop();
            }

            return new YamlMapping(entries.ToImmutable(), span);
        }
    }
}
