using System.Collections.Immutable;

namespace FactDossier.Model;

/// <summary>The raw article exactly as in its seed file, cut into paragraphs that keep their raw offsets.</summary>
public sealed record ArticleText(string Raw, ImmutableArray<Paragraph> Paragraphs)
{
    /// <summary>The paragraph holding a raw offset (or the next one, for an offset between paragraphs).</summary>
    public Paragraph ParagraphAt(int offset)
    {
        var (low, high) = (0, Paragraphs.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (offset < Paragraphs[middle].End)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return Paragraphs[low];
    }
}

/// <summary>One line of the seed file. <see cref="Number"/> counts paragraphs from 1, intertitles included.</summary>
public sealed record Paragraph(int Number, int Start, int End, int Line, bool IsIntertitle);
