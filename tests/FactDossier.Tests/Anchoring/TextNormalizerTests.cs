using FactDossier.Anchoring;

namespace FactDossier.Tests.Anchoring;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("réduire « radicalement » son", "réduire\"radicalement\"son")]
    [InlineData("réduire \"radicalement\" son", "réduire\"radicalement\"son")]
    [InlineData("réduire “radicalement” son", "réduire\"radicalement\"son")]
    [InlineData("„so“", "\"so\"")]
    [InlineData("l’Otan", "l'Otan")]
    [InlineData("l‘Otan", "l'Otan")]
    [InlineData("a  b\t\nc", "a b c")]
    [InlineData("a\u00a0b\u202fc", "a b c")]
    [InlineData("russo–ukrainiens — x", "russo-ukrainiens - x")]
    [InlineData("(…)", "(...)")]
    [InlineData("zero\u200bwidth", "zerowidth")]
    [InlineData("  trimmed  ", "trimmed")]
    [InlineData("a\r\nb\r\n\r\nc", "a b c")]
    [InlineData("Ce\u0301sar e\u0301te\u0301 Å", "César été Å")]
    [InlineData("\u212Bngstro\u0308m", "Ångström")]
    [InlineData("x\u0301\u0302y", "x\u0301\u0302y")]
    public void Folds_what_typing_may_change(string raw, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(raw));

    [Fact]
    public void Composes_decomposed_letters_to_nfc()
    {
        var decomposed = "re\u0301duire";
        Assert.Equal("réduire", TextNormalizer.Fold(decomposed));
        Assert.Equal(TextNormalizer.Fold("réduire"), TextNormalizer.Fold(decomposed));
    }

    [Fact]
    public void Keeps_case_and_letters()
    {
        Assert.NotEqual(TextNormalizer.Fold("Otan"), TextNormalizer.Fold("otan"));
        Assert.NotEqual(TextNormalizer.Fold("ukrainie"), TextNormalizer.Fold("ukrainien"));
    }

    [Fact]
    public void Maps_every_folded_character_back_to_its_raw_range()
    {
        const string raw = "a  « b »\u00a0c…d";
        var normalized = TextNormalizer.Normalize(raw);
        Assert.Equal("a\"b\"c...d", normalized.Text);

        Assert.Equal((3, 4), normalized.ToRaw(1, 1)); // '«'
        Assert.Equal((3, 8), normalized.ToRaw(1, 3)); // « b »
        Assert.Equal((10, 11), normalized.ToRaw(5, 3)); // the three dots of '…'
        Assert.Equal((0, raw.Length), normalized.ToRaw(0, normalized.Text.Length));
    }
}
