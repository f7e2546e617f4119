using FactDossier.Anchoring;
using FactDossier.Model;
using FactDossier.Planning.Search;
using FactDossier.Planning.Views;
using FactDossier.Rendering;

namespace FactDossier.Planning;

/// <summary>Shapes one claim for display: people resolved, sources numbered in order of citation, quotes linked to the article.</summary>
internal sealed class ClaimViewBuilder(PlanningContext context)
{
    private static readonly string[] Relations = ["contradicts", "qualifies", "supports"];

    public ClaimView Build(Claim claim)
    {
        var t = context.Strings;
        var urls = context.Urls;
        var article = context.Articles[claim.Article.Value];
        var sources = new SourceNumbering(context, claim);

        var statement = Quote(claim, 0, "statement", t["role_statement"], claim.Statement.Speaker, claim.Statement.Quote, null,
            claim.Statement.Translation, claim.Statement.SaidOn?.Value, claim.Statement.Venue, claim.Statement.Context,
            sources.Cite(claim.Statement.Source), null, claim.Statement.Source);
        var counters = claim.CounterStatements
            .Select(c => Quote(claim, c.Index, c.Relation.Key(), t[$"relation_{c.Relation.Key()}"], c.Speaker, c.Quote, c.Text,
                c.Translation, c.SaidOn?.Value, c.Venue, null, sources.Cite(c.Source), c.Paragraph?.Value, c.Source))
            .ToList();
        var strongest = counters.FirstOrDefault(c => c.Role == "contradicts")
            ?? counters.FirstOrDefault(c => c.Role == "qualifies")
            ?? counters.FirstOrDefault();
        foreach (var extra in claim.Sources)
        {
            sources.Cite(extra);
        }

        var tags = claim.Tags.Select(tag => new TagView(tag, urls.Tag(tag), context.TagCounts[tag])).ToList();
        var corrections = claim.Corrections.Select(c => new CorrectionView(t.FormatDate(c.Date), UiStrings.Iso(c.Date), c.What)).ToList();
        var url = urls.Claim(claim.Id);
        var verdict = context.Verdict(claim.Verdict);
        var searchTerms = SearchTerms.Of(new[] { claim.Headline, statement.Quote, statement.Translation, statement.Speaker?.Name, verdict.Summary }
            .Concat(counters.SelectMany(c => new[] { c.Quote, c.Translation, c.Text, c.Speaker?.Name }))
            .Concat(claim.Tags));
        // The column is titled for what it holds: one relation by its name, several as replies, grouped.
        var groups = Relations.Select(r => new CounterGroupView(r, t[$"relation_group_{r}"], counters.Where(c => c.Role == r).ToList()))
            .Where(g => g.Items.Count > 0).ToList();
        var counterHeading = groups.Count switch
        {
            0 => t["counter_heading_none"],
            1 => t[$"counter_heading_{groups[0].Relation}"],
            _ => t["counter_heading_mixed"],
        };
        var listed = counters.Prepend(statement).Select(q => new ListedQuoteView(q, claim.Id, $"{url}#{q.ElementId}", claim.Headline, verdict)).ToList();
        return new ClaimView(claim.Id, url, claim.Headline, context.ArticleRef(article), statement, counters, strongest,
            verdict, sources.All, tags, corrections,
            context.Dossier.Site.Repository?.EditUrlFor(claim.Path).AbsoluteUri, context.Absolute(url), searchTerms, claim.IsDraft)
        {
            Listed = listed,
            CounterGroups = groups,
            CounterHeading = counterHeading,
            PublishedOn = claim.PublishedOn is { } published ? t.FormatDate(published.Value) : null,
            PublishedOnIso = claim.PublishedOn is { } day ? UiStrings.Iso(day.Value) : null,
            Replies = ReplyChart.Of(t, statement, counters),
        };
    }

    private QuoteView Quote(Claim claim, int index, string role, string roleLabel, Located<string>? speakerId, QuoteSelector? quote, string? text,
        string? translation, DateOnly? saidOn, string? venue, string? quoteContext, SourceView? source, int? paragraph, Located<string>? sourceId)
    {
        var speaker = speakerId is not null && context.People.TryGetValue(speakerId.Value, out var p) ? context.PersonRef(p) : null;
        var anchor = quote is null ? null : context.Anchored.AnchorOf(claim.Id, index);
        var lang = anchor is not null
            ? context.Articles[anchor.ArticleId].Language
            : sourceId is not null && context.Sources.TryGetValue(sourceId.Value, out var s) ? s.Language : null;
        var elementId = index == 0 ? "statement" : $"counter-{index}";
        var words = anchor is null ? quote?.Exact.Value : context.Articles[anchor.ArticleId].Text.Raw[anchor.Start..anchor.End]; // the article's own characters
        return new QuoteView(elementId, role, roleLabel, speaker, words, text, lang, translation,
            saidOn is { } d ? context.Strings.FormatDate(d) : null, saidOn is { } iso ? UiStrings.Iso(iso) : null, venue, quoteContext,
            anchor is null ? null : $"{context.Urls.Article(anchor.ArticleId)}#{anchor.ElementId}",
            anchor?.Paragraph ?? paragraph, source) { Selector = quote };
    }

    /// <summary>Numbers a claim's sources in order of first citation; the claim's article is always number 1.</summary>
    private sealed class SourceNumbering
    {
        private readonly PlanningContext _context;
        private readonly string _defaultArticle;
        private readonly List<SourceView> _all = [];

        public SourceNumbering(PlanningContext context, Claim claim)
        {
            _context = context;
            _defaultArticle = claim.Article.Value;
            Cite(null);
        }

        public IReadOnlyList<SourceView> All => _all;

        public SourceView Cite(Located<string>? id)
        {
            var key = id?.Value ?? _defaultArticle;
            if (_all.FirstOrDefault(s => s.Id == key) is { } existing)
            {
                return existing;
            }

            var number = _all.Count + 1;
            var t = _context.Strings;
            SourceView view;
            if (_context.Articles.TryGetValue(key, out var a))
            {
                view = new SourceView(number, a.Id, a.Publisher ?? t["publisher_unknown"], a.Title, t.FormatDate(a.Date), UiStrings.Iso(a.Date),
                    a.Url?.AbsoluteUri, null, _context.Urls.Article(a.Id), a.PublisherNote, a.Language, true);
            }
            else
            {
                var s = _context.Sources[key];
                view = new SourceView(number, s.Id, s.Publisher, s.Title, s.Date is { } d ? t.FormatDate(d) : null,
                    s.Date is { } iso ? UiStrings.Iso(iso) : null, s.Url?.AbsoluteUri, s.ArchiveUrl?.AbsoluteUri, null, s.Note, s.Language, false);
            }

            _all.Add(view);
            return view;
        }
    }
}
