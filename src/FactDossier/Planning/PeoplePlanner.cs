using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>Everyone quoted: an index, and one page per person with every statement and counter-statement they made.</summary>
public sealed class PeoplePlanner : IPagePlanner
{
    public IEnumerable<PagePlan> Plan(PlanningContext context)
    {
        var t = context.Strings;
        var quotesBySpeaker = context.Claims
            .SelectMany(c => c.Listed.Where(e => e.Quote.Speaker is not null).Select(e => (Speaker: e.Quote.Speaker!.Id, Quote: e, Claim: c.Id)))
            .ToLookup(x => x.Speaker, StringComparer.Ordinal);
        var views = context.Dossier.People.Select(person =>
        {
            var quotes = quotesBySpeaker[person.Id].Select(x => x.Quote)
                .OrderBy(q => q.Quote.SaidOnIso ?? "9999", StringComparer.Ordinal)
                .ThenBy(q => q.ClaimUrl, StringComparer.Ordinal)
                .ToList();
            return new PersonView(context.PersonRef(person), person.NameInArticle, person.Kind.ToString().ToLowerInvariant(),
                person.Organisation, person.Wikidata is null ? null : $"https://www.wikidata.org/wiki/{person.Wikidata}", person.Note, quotes);
        }).ToList();

        var sorted = views.OrderBy(v => v.Person.Name, StringComparer.Ordinal).ToList();
        yield return PagePlans.Create(context, "people", context.Page(t["people_title"], context.Urls.People, "people"), ("people", sorted));
        foreach (var view in views)
        {
            yield return PagePlans.Create(context, "person", context.Page(view.Person.Name, view.Person.Url, "person", view.Person.Role),
                ("person", view)) with { Shows = quotesBySpeaker[view.Person.Id].Select(x => x.Claim).ToHashSet(StringComparer.Ordinal) };
        }
    }
}
