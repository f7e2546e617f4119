using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Fluid;
using Fluid.Values;
using FactDossier.Diagnostics;
using FactDossier.Planning;
using FactDossier.Planning.Views;
using FactDossier.Publishing;

namespace FactDossier.Rendering;

/// <summary>
/// The Render stage for one plan: each claim's card rendered once (as Hugo's <c>partialCached</c>), when a page first
/// lists it, and included by reference in every page that lists it; then any page on demand. Cards are kept by claim
/// view: a later build that reuses a view (the preview, after an edit elsewhere) reuses its card, and a build that
/// renders only the pages of an edited claim renders only the cards those pages list.
/// </summary>
public sealed class SiteRenderer
{
    private readonly SitePlan _plan;
    private readonly TemplateSet _templates;
    private readonly Dictionary<string, object?> _shared;
    private readonly Dictionary<string, Lazy<HtmlFragment>> _cards;
    private readonly Dictionary<ClaimView, Lazy<HtmlFragment>> _cardsByView;
    private readonly ConcurrentBag<Diagnostic> _errors = [];

    public SiteRenderer(SitePlan plan, TemplateSet templates, SiteRenderer? previous = null)
    {
        _plan = plan;
        _templates = templates;
        var reusable = previous is not null && ReferenceEquals(previous._templates, templates) ? previous._cardsByView : null;
        Fragments = reusable is not null ? previous!.Fragments.Next() : new FragmentCache();
        _cards = new Dictionary<string, Lazy<HtmlFragment>>(plan.Claims.Count, StringComparer.Ordinal);
        _cardsByView = new Dictionary<ClaimView, Lazy<HtmlFragment>>(plan.Claims.Count, ReferenceEqualityComparer.Instance);
        foreach (var claim in plan.Claims)
        {
            // The same view as last time: its card as it was, rendered then or not yet.
            var card = reusable is not null && reusable.TryGetValue(claim, out var kept) && kept.IsValueCreated
                ? kept
                : new Lazy<HtmlFragment>(() => RenderCard(claim), LazyThreadSafetyMode.ExecutionAndPublication);
            _cards[claim.Id] = card;
            _cardsByView[claim] = card;
        }

        _shared = new Dictionary<string, object?>(StringComparer.Ordinal) { ["cards_html"] = new CardsValue(this) };
    }

    /// <summary>What went wrong rendering cards so far (a card that fails is an empty one and an error here).</summary>
    public IReadOnlyList<Diagnostic> Errors => DiagnosticOrder.Sort(_errors.DistinctBy(e => (e.Span, e.Message)));

    /// <summary>The ids and links read from this build's cards and pages, each distinct value once.</summary>
    public StringPool Strings { get; } = new();

    /// <summary>What templates render with <c>| partial_cached</c>, kept by value: reused by the next build when its views are.</summary>
    private FragmentCache Fragments { get; }

    private HtmlFragment RenderCard(ClaimView claim)
    {
        var card = _templates.RenderFragment("claim-card", new Dictionary<string, object?> { ["claim"] = claim, ["t"] = _plan.Strings }, Fragments, Strings, out var error);
        if (error is not null)
        {
            _errors.Add(error);
        }

        return card ?? new HtmlFragment("");
    }

    /// <summary><c>cards_html[claim.id]</c> in a template: the claim's card, rendered the first time a page asks for it.</summary>
    private sealed class CardsValue(SiteRenderer renderer) : FluidValue
    {
        public override FluidValues Type => FluidValues.Dictionary;

        public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
            new(renderer._cards.TryGetValue(index.ToStringValue(), out var card) ? card.Value : NilValue.Instance);

        public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

        public override bool ToBooleanValue() => true;

        public override decimal ToNumberValue() => 0;

        public override string ToStringValue() => "";

        public override object ToObjectValue() => this;

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
    }

    public PageWriter? Render(PagePlan page, out Diagnostic? error) => _templates.RenderPage(page.Template, page.Values, _shared, Fragments, out error);

    /// <summary>
    /// Renders <paramref name="pages"/> in parallel into <paramref name="writer"/>, reading each one's ids and links;
    /// returns them (none when a page failed) and the problems.
    /// </summary>
    internal (IReadOnlyList<LinkChecker.PageLinks>, IReadOnlyList<Diagnostic>) RenderInto(IReadOnlyList<PagePlan> pages, ChangedFilesWriter writer,
        CancellationToken cancellation)
    {
        var links = new LinkChecker.PageLinks[pages.Count];
        var errors = new ConcurrentBag<Diagnostic>();
        // Largest first (the pages that list every claim, then those that list many), one page at a time: a long list
        // page rendered last would leave the other cores idle while it finishes.
        var order = Enumerable.Range(0, pages.Count).OrderByDescending(i => pages[i].Shows?.Count ?? int.MaxValue).ToArray();
        var options = new ParallelOptions { CancellationToken = cancellation };
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), options, i =>
        {
            var page = pages[i];
            if (Render(page, out var error) is not { } rendered)
            {
                errors.Add(error!);
                return;
            }

            using (rendered)
            {
                links[i] = LinkChecker.Scan(page.OutputPath, rendered, Strings);
                SiteFiles.Write(writer, page.OutputPath, rendered);
            }
        });
        return (errors.IsEmpty ? links : [], DiagnosticOrder.Sort(errors.DistinctBy(e => (e.Span, e.Message))));
    }

    /// <summary>Every page of the plan, in plan order (tests and tools; the build renders them in parallel).</summary>
    public IEnumerable<(PagePlan Page, PageWriter? Html, Diagnostic? Error)> RenderAll()
    {
        foreach (var page in _plan.Pages)
        {
            var html = Render(page, out var error);
            yield return (page, html, error);
        }
    }
}
