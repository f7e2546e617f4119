namespace FactDossier.Planning.Views;

/// <summary>The annotated article: its paragraphs as HTML with every anchored quote marked, and notes beside them.</summary>
public sealed record ArticleView(ArticleRef Article, string? Summary, IReadOnlyList<ParagraphView> Paragraphs, IReadOnlyList<ClaimView> Claims);

public sealed record ParagraphView(int Number, string Id, bool IsIntertitle, string Html, IReadOnlyList<NoteView> Notes);

/// <summary>A margin note: which claim a highlighted quote belongs to, and its verdict.</summary>
public sealed record NoteView(string ClaimUrl, string Headline, string Role, string RoleLabel, VerdictView Verdict);
