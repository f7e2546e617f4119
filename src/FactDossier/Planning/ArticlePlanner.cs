using FactDossier.Anchoring;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>One annotated page per article: its text with every anchored quote marked and linked to its claim.</summary>
public sealed class ArticlePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var claimsByArticle = context.ClaimsInReadingOrder.ToLookup(c => c.Article.Id, StringComparer.Ordinal);
        // An article no changed claim is or was about, and in which none is or was anchored: its last page.
        var reuse = context.Reuse;
        var touched = reuse?.Touched(c => [c.Article.Id, .. context.Anchored.ArticlesQuoting(c.Id), .. reuse.Before.Anchored.ArticlesQuoting(c.Id)]);
        return context.Dossier.Articles.AsParallel().AsOrdered()
            .Select(article => reuse?.Group(context.Urls.Articles, article.Id, touched!.Contains(article.Id)) is [var kept]
                ? kept
                : Plan(context, article, claimsByArticle, reuse?.At(context.Urls.Article(article.Id))))
            .ToList();
    }

    private static PagePlan Plan(PlanningContext context, Model.Article article, ILookup<string, ClaimView> claimsByArticle, PagePlan? previous)
    {
        var anchors = context.Anchored.AnchorsIn(article.Id).OrderBy(a => a.Start).ThenBy(a => a.ElementId, StringComparer.Ordinal).ToList();
        var shows = claimsByArticle[article.Id].Select(c => c.Id).Concat(anchors.Select(a => a.ClaimId)).ToHashSet(StringComparer.Ordinal);

        var text = article.Text;
        // Each anchor, under every paragraph it touches (a quote may run across a paragraph break).
        var touching = anchors.SelectMany(a => ParagraphsOf(text, a).Select(number => (Number: number, Anchor: a))).ToLookup(x => x.Number, x => x.Anchor);
        // A quote cut into several segments (where others overlap it) is styled once.
        var marks = new Dictionary<QuoteAnchor, (MarkStyle Style, NoteView Note)>(ReferenceEqualityComparer.Instance);
        (MarkStyle Style, NoteView Note) MarkOf(QuoteAnchor a) => marks.TryGetValue(a, out var mark) ? mark : marks[a] = Mark(context, a);
        var kept = KeptParagraphs(context, article, previous);
        var paragraphs = text.Paragraphs.Select(p =>
        {
            if (kept?.GetValueOrDefault(p.Number) is { } same)
            {
                return same;
            }

            var inside = touching[p.Number].ToList();
            var html = AnnotatedArticleRenderer.RenderParagraph(text.Raw, p, inside, a => MarkOf(a).Style);
            var notes = inside.Where(a => a.Start >= p.Start && a.Start < p.End).Select(a => MarkOf(a).Note).ToList();
            return new ParagraphView(p.Number, $"p{p.Number}", p.IsIntertitle, html, notes);
        }).ToList();
        var claims = claimsByArticle[article.Id].ToList();
        var view = new ArticleView(context.ArticleRef(article), article.Summary, paragraphs, claims);
        return PagePlans.Create(context, "article", context.SharedAs(context.Page(article.Title, context.Urls.Article(article.Id), "article", article.Summary), article),
            ("article", view)) with { Shows = shows };
    }

    /// <summary>
    /// The exception to page reuse: after an edit to claims of this (unchanged) article, the last plan's paragraphs that
    /// no changed claim marks, now or before. Their marks and notes are those of unchanged claims, whose views (headline,
    /// verdict, link) are the same.
    /// </summary>
    private static Dictionary<int, ParagraphView>? KeptParagraphs(PlanningContext context, Model.Article article, PagePlan? previous)
    {
        if (previous?.Values.GetValueOrDefault("article") is not ArticleView last || context.Reuse is not { } reuse)
        {
            return null;
        }

        var touched = context.Anchored.AnchorsIn(article.Id).Concat(reuse.Before.Anchored.AnchorsIn(article.Id))
            .Where(a => reuse.Changed.Contains(a.ClaimId))
            .SelectMany(a => ParagraphsOf(article.Text, a))
            .ToHashSet();
        return last.Paragraphs.Where(p => !touched.Contains(p.Number)).ToDictionary(p => p.Number);
    }

    /// <summary>The numbers of the paragraphs an anchor touches: a quote may run across a paragraph break.</summary>
    private static IEnumerable<int> ParagraphsOf(Model.ArticleText text, QuoteAnchor anchor)
    {
        var first = text.ParagraphAt(anchor.Start).Number;
        return Enumerable.Range(first, text.ParagraphAt(Math.Max(anchor.Start, anchor.End - 1)).Number - first + 1);
    }

    /// <summary>How a quote is marked in the text, and its note beside the paragraph: which claim and quote, and its verdict.</summary>
    private static (MarkStyle, NoteView) Mark(PlanningContext context, QuoteAnchor anchor)
    {
        var claim = context.ClaimsById[anchor.ClaimId];
        var quote = anchor.IsStatement ? claim.Statement : claim.CounterStatements.First(c => c.ElementId == $"counter-{anchor.CounterIndex}");
        var href = $"{claim.Url}#{quote.ElementId}";
        return (new MarkStyle(href, $"q q-{quote.Role}", $"{context.Strings[$"mark_{quote.Role}"]}: {claim.Headline} — {claim.Verdict.Label}"),
            new NoteView(href, claim.Headline, quote.Role, quote.RoleLabel, claim.Verdict));
    }
}
