using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>An article under review: its metadata from <c>input/articles/</c> and its text from <c>seeds/</c>.</summary>
public sealed record Article(
    string Id,
    string Title,
    string Language,
    DateOnly Date,
    string? Publisher,
    string? PublisherNote,
    Uri? Url,
    string SeedPath,
    ArticleText Text,
    string? Summary,
    SourceSpan Span);
