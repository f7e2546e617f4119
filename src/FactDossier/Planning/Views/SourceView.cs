namespace FactDossier.Planning.Views;

/// <summary>A source as cited on a claim page: numbered in order of first citation.</summary>
public sealed record SourceView(
    int Number,
    string Id,
    string Publisher,
    string Title,
    string? Date,
    string? DateIso,
    string? Url,
    string? ArchiveUrl,
    string? PageUrl,
    string? Note,
    string? Language,
    bool IsArticle);
