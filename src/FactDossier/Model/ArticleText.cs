using System.Collections.Immutable;

namespace FactDossier.Model;

/// <summary>The raw article exactly as in its seed file, cut into paragraphs that keep their raw offsets.</summary>
public sealed record ArticleText(string Raw, ImmutableArray<Paragraph> Paragraphs)
{
    public Paragraph ParagraphAt(int offset)
    {
        foreach (var p in Paragraphs)
        {
            if (offset < p.End)
            {
                return p;
            }
        }

        return Paragraphs[^1];
    }
}

/// <summary>One line of the seed file. <see cref="Number"/> counts paragraphs from 1, intertitles included.</summary>
public sealed record Paragraph(int Number, int Start, int End, int Line, bool IsIntertitle)
{
    public int Length => End - Start;
}
