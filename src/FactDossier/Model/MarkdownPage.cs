using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>A page of prose from <c>input/pages/</c>: Markdown with a small YAML front matter.</summary>
public sealed record MarkdownPage(string Slug, string Title, int Order, string Markdown, string Path, SourceSpan Span);
