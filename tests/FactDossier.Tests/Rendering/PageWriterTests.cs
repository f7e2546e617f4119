using System.Text;
using FactDossier.Rendering;

namespace FactDossier.Tests.Rendering;

public sealed class PageWriterTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Its_UTF8_pieces_make_the_page_whatever_the_buffer_size(int bufferSize)
    {
        var card = new HtmlFragment("<li>Çavuşoğlu — « réduire » 🇺🇦</li>\n");
        var page = new PageWriter();
        page.Write("<ul>é");
        page.WriteFragment(card);
        page.WriteFragment(card);
        page.Write("<li>ü 🇫🇷 and some more text than fits in a small buffer</li>");
        page.WriteFragment(card);
        page.Write("</ul>\n");

        var bytes = new List<byte>();
        foreach (var piece in page.Utf8Chunks(new byte[bufferSize]))
        {
            Assert.InRange(piece.Length, 1, bufferSize);
            bytes.AddRange(piece.ToArray());
        }

        Assert.Equal(Encoding.UTF8.GetBytes(page.ToString()), bytes);
    }
}
