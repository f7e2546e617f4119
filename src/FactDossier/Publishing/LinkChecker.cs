using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using FactDossier.Diagnostics;
using FactDossier.Planning;
using FactDossier.Rendering;

namespace FactDossier.Publishing;

/// <summary>
/// The post-processing stage: reads every generated page and fails the build on an internal link, or a
/// <c>#fragment</c>, that leads nowhere, and on an id used twice in one page. Pages are read by
/// <see cref="FastAnchorScanner"/>, held by tests to AngleSharp's result, and by AngleSharp's HTML5 tokenizer wherever
/// the scanner is unsure.
/// </summary>
public sealed class LinkChecker(SiteUrls urls)
{
    /// <summary>What one page offers (ids) and asks for (links), recorded as it is rendered.</summary>
    public sealed record PageLinks(string OutputPath, IReadOnlySet<string> Ids, IReadOnlyList<Link> Links, IReadOnlyList<Diagnostic> DuplicateIds)
    {
        /// <summary>For each link of a page rendered with fragments, the fragment it comes from; null for the page's own text.</summary>
        public IReadOnlyList<HtmlFragment?> LinkSources { get; init; } = [];
    }

    public readonly record struct Link(string Url, int Line, int Column);

    public static PageLinks Scan(string outputPath, string html, StringPool? strings = null) => Collect(outputPath, Read(html, strings).Items);

    /// <summary>
    /// A page rendered with fragments: its shell is read here, each fragment was read once on its own, and their
    /// positions are shifted to where they sit in the page, so the result is the same as reading the whole page.
    /// </summary>
    public static PageLinks Scan(string outputPath, PageWriter page, StringPool? strings = null)
    {
        var sources = new List<HtmlFragment?>();
        return Collect(outputPath, Read(page, strings, sources).Items, sources);
    }

    /// <summary>
    /// Every id and internal link of a page (or a fragment) rendered with fragments, as if read from its whole text:
    /// the shell is read here, each fragment's own anchors were read once, and are moved to where it sits.
    /// </summary>
    public static HtmlAnchors Read(PageWriter page, StringPool? strings = null) => Read(page, strings, sources: null);

    /// <param name="sources">Filled with, for each item, the fragment it comes from (null: the shell).</param>
    private static HtmlAnchors Read(PageWriter page, StringPool? strings, List<HtmlFragment?>? sources)
    {
        var shell = page.Shell();
        var fragments = page.Fragments;
        if (fragments.Count == 0)
        {
            var read = Read(shell, strings);
            sources?.AddRange(Enumerable.Repeat<HtmlFragment?>(null, read.Items.Count));
            return read;
        }

        var positions = new PagePositions(shell, fragments);
        var shellItems = Read(shell, strings).Items;
        var count = shellItems.Count;
        foreach (var (_, fragment) in fragments)
        {
            count += fragment.Anchors.Items.Count;
        }

        var items = new List<HtmlAnchor>(count);
        var next = 0;
        var inserted = 0; // characters of the fragments placed so far: how far the shell's indexes move
        foreach (var item in shellItems)
        {
            for (; next < fragments.Count && fragments[next].Offset <= item.Index; next++)
            {
                AddFragment(next);
            }

            var (line, column) = positions.Of(item.Index, item.Line, fragmentsBefore: next);
            items.Add(item with { Index = item.Index + inserted, Line = line, Column = column });
            sources?.Add(null);
        }

        for (; next < fragments.Count; next++)
        {
            AddFragment(next);
        }

        return new HtmlAnchors(items);

        void AddFragment(int index)
        {
            var (offset, fragment) = fragments[index];
            var (line, column) = positions.Of(offset, positions.ShellLine(offset), fragmentsBefore: index);
            var start = offset + inserted;
            foreach (var item in fragment.Anchors.Items)
            {
                items.Add(item with { Index = start + item.Index, Line = line + item.Line - 1, Column = item.Line == 1 ? column + item.Column - 1 : item.Column });
                sources?.Add(fragment);
            }

            inserted += fragment.Length;
        }
    }

    /// <summary>Every id and internal link of a piece of HTML, in document order, with its position.</summary>
    public static HtmlAnchors Read(string html, StringPool? strings = null) => FastAnchorScanner.TryRead(html, strings) ?? ReadWithAngleSharp(html);

    private static HtmlAnchors Read(ReadOnlySpan<char> html, StringPool? strings) =>
        FastAnchorScanner.TryRead(html, strings) ?? ReadWithAngleSharp(html.ToString());

    /// <summary>
    /// <see cref="Read"/> with AngleSharp's HTML5 tokenizer: the same tokens as a full parse, without building a DOM
    /// that nothing here needs. For what the fast scanner leaves, and to test it.
    /// </summary>
    public static HtmlAnchors ReadWithAngleSharp(string html)
    {
        var items = new List<HtmlAnchor>();
        using var source = new TextSource(html);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver) { SkipDataText = true, SkipComments = true };
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type != HtmlTokenType.StartTag)
            {
                continue;
            }

            var position = token.Position;
            foreach (var attribute in token.AsTag().Attributes)
            {
                if (attribute.Name == "id" && attribute.Value.Length > 0)
                {
                    items.Add(new HtmlAnchor(IsId: true, attribute.Value, position.Position - 1, position.Line, position.Column));
                }
                else if (FastAnchorScanner.IsLinkAttribute(attribute.Name) && FastAnchorScanner.IsInternal(attribute.Value))
                {
                    items.Add(new HtmlAnchor(IsId: false, attribute.Value, position.Position - 1, position.Line, position.Column));
                }
            }
        }

        return new HtmlAnchors(items);
    }

    private static PageLinks Collect(string outputPath, IReadOnlyList<HtmlAnchor> items, List<HtmlFragment?>? sources = null)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<Diagnostic>();
        var links = new List<Link>(items.Count);
        var linkSources = new List<HtmlFragment?>(sources is null ? 0 : items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.IsId)
            {
                links.Add(new Link(item.Value, item.Line, item.Column));
                if (sources is not null)
                {
                    linkSources.Add(sources[i]);
                }
            }
            else if (!ids.Add(item.Value))
            {
                duplicates.Add(new Diagnostic(DiagnosticCode.DuplicateHtmlId, new SourceSpan(Display(outputPath), item.Line, item.Column),
                    $"the id '{item.Value}' is used twice in this page", "check the template that writes it"));
            }
        }

        return new PageLinks(outputPath, ids, links, duplicates) { LinkSources = linkSources };
    }

    public IReadOnlyList<Diagnostic> Check(IReadOnlyList<PageLinks> pages, IReadOnlySet<string> otherFiles) =>
        Check(pages.ToDictionary(p => p.OutputPath, StringComparer.Ordinal), pages, otherFiles);

    /// <summary>The links of <paramref name="pages"/>, to the site's <paramref name="byPath"/> and <paramref name="otherFiles"/>.</summary>
    /// <param name="checkedBefore">
    /// The last build's pages, when every page and id of the site is the same as then: a link from a fragment that was
    /// on the same page then was good then, and still is (the home page's 10,000 cards after one claim's edit).
    /// </param>
    public IReadOnlyList<Diagnostic> Check(IReadOnlyDictionary<string, PageLinks> byPath, IEnumerable<PageLinks> pages, IReadOnlySet<string> otherFiles,
        IReadOnlyDictionary<string, PageLinks>? checkedBefore = null)
    {
        // Pages are checked in a few batches side by side; the diagnostics are sorted in the end.
        var all = pages as IReadOnlyList<PageLinks> ?? [.. pages];
        var batches = Math.Min(Environment.ProcessorCount, Math.Max(1, all.Count / 256));
        var found = new List<Diagnostic>[batches];
        Parallel.For(0, batches, b => found[b] = CheckBatch(byPath, all.Take((b * all.Count / batches)..((b + 1) * all.Count / batches)), otherFiles, checkedBefore));
        return DiagnosticOrder.Sort(found.SelectMany(d => d));
    }

    private List<Diagnostic> CheckBatch(IReadOnlyDictionary<string, PageLinks> byPath, IEnumerable<PageLinks> pages, IReadOnlySet<string> otherFiles,
        IReadOnlyDictionary<string, PageLinks>? checkedBefore)
    {
        var diagnostics = new List<Diagnostic>();
        // Most links are site-rooted and point to a few thousand pages, each from many: each path is resolved once.
        var rooted = new Dictionary<string, (PageLinks? Target, string? Problem)>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var page in pages)
        {
            diagnostics.AddRange(page.DuplicateIds);
            var pageUrl = "/" + page.OutputPath;
            var kept = checkedBefore?.GetValueOrDefault(page.OutputPath) is { } before && page.LinkSources.Count == page.Links.Count
                ? FragmentsWithLinks(before)
                : null;
            for (var i = 0; i < page.Links.Count; i++)
            {
                if (kept is not null && page.LinkSources[i] is { } source && kept.Contains(source))
                {
                    continue;
                }

                var link = page.Links[i];
                var problem = Resolve(link.Url, pageUrl, byPath, otherFiles, page, rooted);
                if (problem is not null)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCode.BrokenLink, new SourceSpan(Display(page.OutputPath), link.Line, link.Column),
                        $"the link '{link.Url}' {problem}", "check the template or the Markdown that writes this link"));
                }
            }
        }

        return diagnostics;
    }

    /// <summary>The fragments that gave a page links (one without links has none to check).</summary>
    private static HashSet<object> FragmentsWithLinks(PageLinks page)
    {
        var fragments = new HashSet<object>(ReferenceEqualityComparer.Instance);
        HtmlFragment? last = null;
        foreach (var source in page.LinkSources)
        {
            // A fragment's links come one after another: each fragment is hashed once, not once per link.
            if (source is not null && !ReferenceEquals(source, last))
            {
                fragments.Add(source);
                last = source;
            }
        }

        return fragments;
    }

    private string? Resolve(string url, string pageUrl, IReadOnlyDictionary<string, PageLinks> pages, IReadOnlySet<string> otherFiles, PageLinks page,
        Dictionary<string, (PageLinks? Target, string? Problem)>.AlternateLookup<ReadOnlySpan<char>> rooted)
    {
        var hash = url.IndexOf('#');
        var beforeHash = hash < 0 ? url.AsSpan() : url.AsSpan(0, hash);
        var query = beforeHash.IndexOf('?');
        var pathSpan = query < 0 ? beforeHash : beforeHash[..query];
        // Theme links are site-rooted; only relative ones (from Markdown) need resolving against the page.
        var isRooted = pathSpan.StartsWith("/") && !pathSpan.StartsWith("//") && !pathSpan.Contains("/.", StringComparison.Ordinal);
        PageLinks? target;
        if (pathSpan.IsEmpty)
        {
            target = page;
        }
        else if (isRooted && rooted.TryGetValue(pathSpan, out var known))
        {
            if (known.Problem is not null)
            {
                return known.Problem;
            }

            target = known.Target;
        }
        else
        {
            var path = pathSpan.ToString();
            (target, var problem) = Target(isRooted ? path : new Uri(new Uri("http://site" + PageUrlUnderBase(pageUrl)), path).AbsolutePath, pages, otherFiles);
            if (isRooted)
            {
                rooted[path] = (target, problem);
            }

            if (problem is not null)
            {
                return problem;
            }
        }

        if (hash < 0 || hash == url.Length - 1 || target is null)
        {
            return null;
        }

        var fragment = url.AsSpan(hash + 1);
        var found = fragment.Contains('%')
            ? target.Ids.Contains(Uri.UnescapeDataString(fragment.ToString()))
            : target.Ids is HashSet<string> ids ? ids.GetAlternateLookup<ReadOnlySpan<char>>().Contains(fragment) : target.Ids.Contains(fragment.ToString());
        return found ? null : $"points to '#{Uri.UnescapeDataString(fragment.ToString())}', which is not on {(target == page ? "this page" : "the target page")}";
    }

    /// <summary>The page or file an absolute path leads to (a page's links, or null for another file), or what is wrong with it.</summary>
    private (PageLinks? Target, string? Problem) Target(string absolute, IReadOnlyDictionary<string, PageLinks> pages, IReadOnlySet<string> otherFiles)
    {
        if (!absolute.StartsWith(urls.BasePath, StringComparison.Ordinal))
        {
            return (null, $"points outside the site's base path '{urls.BasePath}'");
        }

        var file = urls.OutputPathOf(absolute.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(absolute) : absolute);
        return pages.TryGetValue(file, out var target) || otherFiles.Contains(file) ? (target, null) : (null, "leads to no page of the site");
    }

    private string PageUrlUnderBase(string pageUrl) => urls.BasePath + pageUrl.TrimStart('/');

    private static string Display(string outputPath) => "output/" + outputPath;
}
