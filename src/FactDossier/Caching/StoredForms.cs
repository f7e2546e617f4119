using FactDossier.Anchoring;
using FactDossier.Model;

namespace FactDossier.Caching;

/// <summary>The binary form of a memo's results: Markdown's HTML, an article's anchors.</summary>
internal static class StoredForms
{
    public static void Write(ModelWriter writer, string text) => writer.Text(text);

    public static string ReadText(ModelReader reader) => reader.Text();

    public static void Write(ModelWriter writer, QuoteAnchor[] anchors) =>
        writer.All(anchors, a =>
        {
            writer.Name(a.ClaimId);
            writer.Int(a.CounterIndex);
            writer.Int(a.Relation is { } relation ? (int)relation + 1 : 0);
            writer.Name(a.ArticleId);
            writer.Int(a.Start);
            writer.Int(a.End);
            writer.Int(a.Paragraph);
        });

    public static QuoteAnchor[] ReadAnchors(ModelReader reader) =>
        [.. reader.All(() => new QuoteAnchor(reader.Name(), reader.Int(), reader.Int() is var r and > 0 ? (Relation)(r - 1) : null, reader.Name(),
            reader.Int(), reader.Int(), reader.Int()))];
}
