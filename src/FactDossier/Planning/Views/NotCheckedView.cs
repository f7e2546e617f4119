namespace FactDossier.Planning.Views;

/// <summary>
/// A passage an article leaves unchecked on purpose, as the page that lists them shows it: the words in the article's
/// language, why, and where they are in the annotated article.
/// </summary>
/// <param name="Where">"paragraph 3", or with the article's title when the dossier has several.</param>
public sealed record NotCheckedView(string Quote, string Lang, string Reason, ArticleRef Article, int Paragraph, string ParagraphUrl, string Where);
