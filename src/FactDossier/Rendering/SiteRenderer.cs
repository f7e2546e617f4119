using System.Collections.Concurrent;
using FactDossier.Diagnostics;
using FactDossier.Planning;
using FactDossier.Planning.Views;
using FactDossier.Publishing;

namespace FactDossier.Rendering;

/// <summary>
/// The Render stage for one plan: each claim's card rendered once (as Hugo's <c>partialCached</c>) and included by
/// reference in every page that lists it, then any page on demand. Cards are kept by claim view: a later build that
/// reuses a view (the preview, after an edit elsewhere) reuses its card.
/// </summary>
public sealed class SiteRenderer
{
    private readonly SitePlan _plan;
    private readonly TemplateSet _templates;
    private readonly Dictionary<string, object?> _shared;

    public SiteRenderer(SitePlan plan, TemplateSet templates, SiteRenderer? previous = null, CancellationToken cancellation = default)
    {
        _plan = plan;
        _templates = templates;
        var errors = new ConcurrentBag<Diagnostic>();
        var reusable = previous is not null && ReferenceEquals(previous._templates, templates) ? previous.Cards : null;
        Fragments = reusable is not null ? previous!.Fragments.Next() : new FragmentCache();
        var cards = new HtmlFragment[plan.Claims.Count];
        Parallel.For(0, cards.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var claim = plan.Claims[i];
            if (reusable is not null && reusable.TryGetValue(claim, out var kept))
            {
                cards[i] = kept;
                return;
            }

            var card = templates.RenderFragment("claim-card", new Dictionary<string, object?> { ["claim"] = claim, ["t"] = plan.Strings }, Fragments, Strings, out var error);
            cards[i] = card ?? new HtmlFragment("");
            if (error is not null)
            {
                errors.Add(error);
            }
        });
        Cards = new Dictionary<ClaimView, HtmlFragment>(cards.Length, ReferenceEqualityComparer.Instance);
        var byId = new Dictionary<string, HtmlFragment>(cards.Length, StringComparer.Ordinal);
        for (var i = 0; i < cards.Length; i++)
        {
            Cards[plan.Claims[i]] = cards[i];
            byId[plan.Claims[i].Id] = cards[i];
        }

        _shared = new Dictionary<string, object?>(StringComparer.Ordinal) { ["cards_html"] = byId };
        Errors = DiagnosticOrder.Sort(errors.DistinctBy(e => (e.Span, e.Message)));
    }

    public IReadOnlyList<Diagnostic> Errors { get; }

    /// <summary>The ids and links read from this build's cards and pages, each distinct value once.</summary>
    public StringPool Strings { get; } = new();

    private Dictionary<ClaimView, HtmlFragment> Cards { get; }

    /// <summary>What templates render with <c>| partial_cached</c>, kept by value: reused by the next build when its views are.</summary>
    private FragmentCache Fragments { get; }

    public PageWriter? Render(PagePlan page, out Diagnostic? error) => _templates.RenderPage(page.Template, page.Values, _shared, Fragments, out error);

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
