namespace FactDossier.Anchoring;

/// <summary>
/// A passage an article's <c>not_checked</c> names, located in it: raw offsets <c>[Start, End)</c> into its seed text.
/// <see cref="Index"/> is the passage's place in <see cref="Model.Article.NotChecked"/>.
/// </summary>
public sealed record NotCheckedAnchor(string ArticleId, int Index, int Start, int End, int Paragraph);
