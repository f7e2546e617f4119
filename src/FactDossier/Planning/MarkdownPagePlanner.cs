using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>The prose pages of <c>input/pages/</c> (methodology, about…), and the 404 page.</summary>
public sealed class MarkdownPagePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context) =>
        context.Dossier.Pages
            .Select(page => PagePlans.Create(context, "page", context.Page(page.Title, context.Urls.Page(page.Slug), "page"), page.ListsNotChecked
                ? [("body_html", context.Markdown.ToHtml(page.Markdown)), ("not_checked", NotChecked(context))]
                : [("body_html", context.Markdown.ToHtml(page.Markdown))]))
            .Append(PagePlans.Create(context, "404", context.Page(context.Strings["not_found_title"], context.Urls.File("404.html"), "not-found")))
            .Select(plan => plan with { Shows = PagePlans.NoClaim });

    /// <summary>The passages the articles leave unchecked, and why: article by article, in the order of their text.</summary>
    private static List<NotCheckedView> NotChecked(PlanningContext context)
    {
        var articles = context.Dossier.Articles.DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return [.. context.Anchored.NotChecked.OrderBy(n => n.ArticleId, StringComparer.Ordinal).ThenBy(n => n.Start).Select(n =>
        {
            var article = articles[n.ArticleId];
            var reference = context.ArticleRef(article);
            var where = $"{context.Strings["paragraph"]} {n.Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return new NotCheckedView(article.Text.Raw[n.Start..n.End], article.Language, article.NotChecked[n.Index].Reason, reference, n.Paragraph,
                $"{reference.Url}#p{n.Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture)}", articles.Count > 1 ? $"{article.Title}, {where}" : where);
        })];
    }
}
