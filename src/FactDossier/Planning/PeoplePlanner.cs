using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Everyone quoted: an index, and one page per person with every statement and counter-statement they made.</summary>
public sealed class PeoplePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var quotes = context.QuotesBySpeaker;
        // A person none of whose quotes changed keeps the last plan's page (and so its rendering).
        var before = context.PreviousPages<PersonView>("person").ToDictionary(k => k.View.Person.Id, StringComparer.Ordinal);
        var pages = context.Dossier.People.Select(person =>
        {
            if (!quotes.IsChanged(person.Id) && before.TryGetValue(person.Id, out var kept))
            {
                return kept;
            }

            var said = quotes[person.Id];
            var view = new PersonView(context.PersonRef(person), person.NameInArticle, person.Kind.ToString().ToLowerInvariant(),
                person.Organisation, person.Wikidata is null ? null : $"https://www.wikidata.org/wiki/{person.Wikidata}", person.Note,
                said.Select(m => m.Item)
                    .OrderBy(q => q.Quote.SaidOnIso ?? "9999", StringComparer.Ordinal)
                    .ThenBy(q => q.ClaimUrl, StringComparer.Ordinal)
                    .ToList());
            var page = PagePlans.Create(context, "person", context.Page(view.Person.Name, view.Person.Url, "person", view.Person.Role),
                ("person", view)) with { Shows = said.Select(m => m.ClaimId).ToHashSet(StringComparer.Ordinal) };
            return (View: view, Page: page);
        }).ToList();

        var sorted = pages.Select(p => p.View).OrderBy(v => v.Person.Name, StringComparer.Ordinal).ToList();
        yield return PagePlans.Create(context, "people", context.Page(t["people_title"], context.Urls.People, "people"), ("people", sorted));
        foreach (var (_, page) in pages)
        {
            yield return page;
        }
    }
}
