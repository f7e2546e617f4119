namespace FactDossier.Anchoring;

/// <summary>
/// A folded view of a text, with, for every folded character, the range of raw characters it came from, so that a
/// match found on the folded view lands on the exact original characters.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _rawStart;
    private readonly int[] _rawEnd;

    internal NormalizedText(string text, int[] rawStart, int[] rawEnd)
    {
        Text = text;
        _rawStart = rawStart;
        _rawEnd = rawEnd;
    }

    public string Text { get; }

    /// <summary>The raw range <c>[Start, End)</c> behind the folded range <c>[start, start + length)</c>.</summary>
    public (int Start, int End) ToRaw(int start, int length) =>
        length == 0 ? (_rawStart[start], _rawStart[start]) : (_rawStart[start], _rawEnd[start + length - 1]);
}
