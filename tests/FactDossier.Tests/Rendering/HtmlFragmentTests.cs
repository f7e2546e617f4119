using FactDossier.Publishing;
using FactDossier.Rendering;

namespace FactDossier.Tests.Rendering;

/// <summary>A fragment joined from a writer's shell and the fragments it includes is the fragment of its whole text.</summary>
public sealed class HtmlFragmentTests
{
    public static TheoryData<string> Layouts() =>
    [
        "shell only, no fragment",
        "fragment first",
        "fragment last, no line break after",
        "fragments on one line",
        "fragment ending its line, then shell",
        "non-ASCII around fragments",
    ];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Joined_from_pieces_it_equals_the_fragment_of_the_whole_text(string layout)
    {
        var quote = new HtmlFragment("<blockquote id=\"q\"><p>« réduire »</p></blockquote>\n<p><a href=\"/people/x/\">X</a></p>\n");
        var badge = new HtmlFragment("<span class=\"verdict\">Exact</span>"); // no line break
        using var writer = new PageWriter();
        switch (layout)
        {
            case "shell only, no fragment":
                writer.Write("<li id=\"a\"><a href=\"/claims/a/\">A</a>\n</li>");
                break;
            case "fragment first":
                writer.WriteFragment(quote);
                writer.Write("<p>after</p>\n");
                break;
            case "fragment last, no line break after":
                writer.Write("<p>before <a href=\"#q\">q</a></p>\n<p>");
                writer.WriteFragment(badge);
                break;
            case "fragments on one line":
                writer.Write("<p>");
                writer.WriteFragment(badge);
                writer.Write(" · ");
                writer.WriteFragment(badge);
                writer.Write(" <a href=\"/x/\" id=\"end\">x</a></p>");
                break;
            case "fragment ending its line, then shell":
                writer.Write("<div id=\"d\">");
                writer.WriteFragment(quote);
                writer.Write("<a href=\"/after/\">after</a></div>");
                break;
            case "non-ASCII around fragments":
                writer.Write("<p>Çavuşoğlu — 🇺🇦 ");
                writer.WriteFragment(badge);
                writer.Write(" «»</p>\n");
                writer.WriteFragment(quote);
                writer.Write("<p>Зеленський</p>");
                break;
        }

        var joined = HtmlFragment.Of(writer);
        var whole = new HtmlFragment(writer.ToString());

        Assert.Equal(whole.Utf8, joined.Utf8);
        Assert.Equal(whole.Html, joined.Html);
        Assert.Equal((whole.Length, whole.NewLines, whole.LastLineLength), (joined.Length, joined.NewLines, joined.LastLineLength));
        Assert.Equal(whole.Anchors.Items, joined.Anchors.Items);
    }
}
