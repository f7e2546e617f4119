using FactDossier.Rendering;

namespace FactDossier.Publishing;

/// <summary>
/// Maps a position in a page's shell to the line and column it has once the page's fragments are in place: each
/// fragment before it pushes it down by the fragment's line breaks, and along by its width when on the same line.
/// </summary>
internal sealed class PagePositions
{
    private readonly IReadOnlyList<(int Offset, HtmlFragment Fragment)> _fragments;
    private readonly int[] _lineStarts;
    private readonly int[] _newLinesBefore;

    public PagePositions(ReadOnlySpan<char> shell, IReadOnlyList<(int Offset, HtmlFragment Fragment)> fragments)
    {
        _fragments = fragments;
        _lineStarts = new int[shell.Count('\n') + 1];
        var (line, start) = (1, 0);
        for (var next = shell.IndexOf('\n'); next >= 0; next = shell[start..].IndexOf('\n'))
        {
            start += next + 1;
            _lineStarts[line++] = start;
        }

        _newLinesBefore = new int[fragments.Count + 1];
        for (var i = 0; i < fragments.Count; i++)
        {
            _newLinesBefore[i + 1] = _newLinesBefore[i] + fragments[i].Fragment.NewLines;
        }
    }

    /// <summary>The 1-based line of a shell index.</summary>
    public int ShellLine(int index)
    {
        var found = Array.BinarySearch(_lineStarts, index);
        return found >= 0 ? found + 1 : ~found;
    }

    /// <summary>Where shell index <paramref name="index"/> (on shell line <paramref name="shellLine"/>) lands, after the first <paramref name="fragmentsBefore"/> fragments.</summary>
    public (int Line, int Column) Of(int index, int shellLine, int fragmentsBefore)
    {
        var lineStart = _lineStarts[shellLine - 1];
        // Only the fragments on this line count, and only from the last one that ends with a line of its own.
        var first = fragmentsBefore;
        while (first > 0 && _fragments[first - 1].Offset >= lineStart)
        {
            first--;
            if (_fragments[first].Fragment.NewLines > 0)
            {
                break;
            }
        }

        var column = 1;
        var position = lineStart;
        for (var i = first; i < fragmentsBefore; i++)
        {
            var (offset, fragment) = _fragments[i];
            column += offset - position;
            column = fragment.NewLines > 0 ? fragment.LastLineLength + 1 : column + fragment.Length;
            position = offset;
        }

        return (shellLine + _newLinesBefore[fragmentsBefore], column + index - position);
    }
}
