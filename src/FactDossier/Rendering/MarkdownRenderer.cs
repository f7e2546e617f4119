using System.IO.Hashing;
using System.Runtime.InteropServices;
using FactDossier.Caching;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FactDossier.Rendering;

/// <summary>
/// One shared Markdig pipeline for every Markdown field: raw HTML is shown as text, links keep only safe targets,
/// site-rooted links get the base path, and images from other hosts become plain links (no third-party request).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private readonly string _basePath;
    private readonly Memo<string>? _memo;

    /// <param name="memo">What texts rendered to in an earlier run, by the hash of the base path and the text.</param>
    public MarkdownRenderer(string basePath, Memo<string>? memo = null) => (_basePath, _memo) = (basePath, memo);

    public string ToHtml(string markdown) => _memo is null ? Render(markdown) : _memo.GetOrAdd(KeyOf(markdown), () => Render(markdown));

    /// <summary>All a text's HTML depends on, besides this tool's code: the text, and the base path its site links are given.</summary>
    private UInt128 KeyOf(string markdown)
    {
        var hash = new XxHash128();
        hash.Append(BitConverter.GetBytes(_basePath.Length)); // the length first: no other base path and text give the same bytes
        hash.Append(MemoryMarshal.AsBytes(_basePath.AsSpan()));
        hash.Append(MemoryMarshal.AsBytes(markdown.AsSpan()));
        return hash.GetCurrentHashAsUInt128();
    }

    private string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            Sanitize(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!SafeUrl.IsAllowed(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document.ToHtml(_pipeline); // with the pipeline's pooled renderers, not a new one per field
    }

    private void Sanitize(LinkInline link)
    {
        var url = link.Url ?? "";
        if (!SafeUrl.IsAllowed(url))
        {
            Unwrap(link);
            return;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith(_basePath, StringComparison.Ordinal))
        {
            link.Url = _basePath + url.TrimStart('/');
        }

        if (link.IsImage && SafeUrl.IsExternal(url))
        {
            link.IsImage = false;
            if (link.FirstChild is null)
            {
                link.AppendChild(new LiteralInline(url));
            }
        }
    }

    private static void Unwrap(LinkInline link)
    {
        var children = new List<Inline>();
        for (var child = link.FirstChild; child is not null; child = child.NextSibling)
        {
            children.Add(child);
        }

        Inline replacement = new LiteralInline("");
        link.ReplaceBy(replacement);
        foreach (var child in children)
        {
            child.Remove();
            replacement.InsertAfter(child);
            replacement = child;
        }
    }
}
