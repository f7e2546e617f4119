using System.Collections.Immutable;
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
    SourceSpan Span)
{
    /// <summary>The passages left out on purpose, each with its reason (<c>not_checked</c>).</summary>
    public ImmutableArray<NotCheckedPassage> NotChecked { get; init; } = [];
}
