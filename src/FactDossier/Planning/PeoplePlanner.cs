using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Everyone quoted: an index, and per person every statement and counter-statement they made, a page of them at a time.
/// </summary>
public sealed class PeoplePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var quotes = context.QuotesBySpeaker;
        var pageSize = context.Dossier.Site.Pagination.Quotes;
        // A person none of whose quotes changed keeps the last plan's pages (and so their rendering): every page under
        // the person's URL, the pages that send readers to the first included.
        var reuse = context.Reuse;
        var views = reuse?.Views<PersonView>("person").DistinctBy(k => k.View.Person.Id).ToDictionary(k => k.View.Person.Id, k => k.View, StringComparer.Ordinal);
        var people = context.Dossier.People.Select(person =>
        {
            if (views?.GetValueOrDefault(person.Id) is { } last && reuse!.Group(context.Urls.People, person.Id, quotes.IsChanged(person.Id)) is { } kept)
            {
                return (View: last, Pages: kept);
            }

            var said = quotes[person.Id];
            var view = new PersonView(context.PersonRef(person), person.NameInArticle, person.Kind.ToString().ToLowerInvariant(),
                person.Organisation, person.Wikidata is null ? null : $"https://www.wikidata.org/wiki/{person.Wikidata}", person.Note,
                said.Select(m => m.Item)
                    .OrderBy(q => q.Quote.SaidOnIso ?? "9999", StringComparer.Ordinal)
                    .ThenBy(q => q.ClaimUrl, StringComparer.Ordinal)
                    .ToList());
            var checkedStatements = view.Quotes.Where(q => q.Quote.Role == "statement").Select(q => q.Verdict).ToList();
            view = checkedStatements.Count < 2 ? view : view with
            {
                Scorecard = VerdictCharts.Of(context, "scorecard", t["chart_scorecard_label"].Replace("{name}", person.Name, StringComparison.Ordinal)
                    .Replace("{count}", checkedStatements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), checkedStatements),
            };
            var shows = said.Select(m => m.ClaimId).ToHashSet(StringComparer.Ordinal);
            var pages = PagePlans.Paged(context, "person", view.Person.Name, view.Person.Url, "person", view.Person.Role, view.Quotes, pageSize,
                (slice, _) => [("person", view), ("quotes", slice)], (_, _) => (shows, null)).ToList();
            return (View: view, Pages: (IReadOnlyList<PagePlan>)pages);
        }).ToList();

        var sorted = people.Select(p => p.View).OrderBy(v => v.Person.Name, StringComparer.Ordinal).ToList();
        return people.SelectMany(p => p.Pages).Prepend(PagePlans.Create(context, "people", context.Page(t["people_title"], context.Urls.People, "people"), ("people", sorted)));
    }
}
