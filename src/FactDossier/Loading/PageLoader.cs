using FactDossier.Diagnostics;
using FactDossier.Loading.Yaml;
using FactDossier.Model;

namespace FactDossier.Loading;

/// <summary>A Markdown page: an optional front matter between <c>---</c> lines (title, order, not_checked), then the body.</summary>
public static class PageLoader
{
    public static readonly string[] Fields = ["title", "order", "not_checked"];

    public static MarkdownPage? Read(string text, string path, DiagnosticBag diagnostics)
    {
        var (frontMatter, body) = Split(text);
        Placeholder.ReportLines(body, path, frontMatter is null ? 1 : frontMatter.Count(c => c == '\n') + 2, diagnostics);
        var slug = FileId.Resolve(path, null, SourceSpan.StartOf(path), diagnostics);
        string? title = null;
        var order = 100;
        var listsNotChecked = false;
        var span = SourceSpan.StartOf(path);
        if (frontMatter is not null)
        {
            var root = YamlTreeReader.Read(frontMatter, path, diagnostics);
            if (FieldReader.ForValue(root, "a page's front matter", Fields, diagnostics) is { } f)
            {
                title = f.TextValue("title");
                order = f.Number("order") ?? order;
                listsNotChecked = f.Choice("not_checked", ["true", "false"])?.Value == "true";
                span = f.Span;
            }
        }

        // The layout writes the title as the page's one <h1>; a leading "# Title" in the body is that title.
        if (LeadingHeading(body) is { } heading)
        {
            title ??= heading.Title;
            body = heading.Body;
        }

        if (title is null)
        {
            diagnostics.Add(DiagnosticCode.MissingField, span, "the page has no title", "start the page with '---', 'title: …', '---' or with a '# Heading'");
        }

        return slug is null || title is null ? null : new MarkdownPage(slug, title, order, body, path, span) { ListsNotChecked = listsNotChecked };
    }

    /// <summary>The front matter keeps its line numbers (it starts at line 1); the body is the rest.</summary>
    private static (string? FrontMatter, string Body) Split(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return (null, text);
        }

        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') == "---")
            {
                var frontMatter = string.Join('\n', lines[..i]) + "\n";
                var body = string.Join('\n', lines[(i + 1)..]);
                return (frontMatter, body);
            }
        }

        return (null, text);
    }

    private static (string Title, string Body)? LeadingHeading(string body)
    {
        var trimmed = body.TrimStart('\r', '\n', ' ');
        if (!trimmed.StartsWith("# ", StringComparison.Ordinal))
        {
            return null;
        }

        var end = trimmed.IndexOf('\n');
        return end < 0 ? (trimmed[2..].Trim(), "") : (trimmed[2..end].Trim(), trimmed[(end + 1)..]);
    }
}
