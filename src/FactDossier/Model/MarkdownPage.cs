using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>A page of prose from <c>input/pages/</c>: Markdown with a small YAML front matter.</summary>
public sealed record MarkdownPage(string Slug, string Title, int Order, string Markdown, string Path, SourceSpan Span)
{
    /// <summary>Whether the page lists, after its text, the passages the articles leave unchecked and why (<c>not_checked: true</c>).</summary>
    public bool ListsNotChecked { get; init; }
}
