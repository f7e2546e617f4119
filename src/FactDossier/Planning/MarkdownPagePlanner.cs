namespace FactDossier.Planning;

/// <summary>The prose pages of <c>input/pages/</c> (methodology, about…), and the 404 page.</summary>
public sealed class MarkdownPagePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        foreach (var page in context.Dossier.Pages)
        {
            yield return PagePlans.Create(context, "page", context.Page(page.Title, context.Urls.Page(page.Slug), "page"),
                ("body_html", context.Markdown.ToHtml(page.Markdown))) with { Shows = PagePlans.NoClaim };
        }

        var notFound = context.Page(context.Strings["not_found_title"], context.Urls.File("404.html"), "not-found");
        yield return PagePlans.Create(context, "404", notFound) with { Shows = PagePlans.NoClaim };
    }
}
