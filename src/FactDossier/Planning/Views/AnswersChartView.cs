namespace FactDossier.Planning.Views;

/// <summary>
/// Who answers whom (theme/partials/charts/answers.liquid): a matrix, a row per person who answered, a column per person
/// whose statements were answered, in each cell a mark per relation with its count; drawn twice, for a wide column and
/// for a phone's, the theme showing the one that fits; and the same answers as a table with links to the people.
/// </summary>
/// <param name="Answers">The table's rows: each pair of people and relation, with its count.</param>
public sealed record AnswersChartView(string Id, string Label, IReadOnlyList<AnswersDrawingView> Drawings, IReadOnlyList<AnswersEntryView> Answers);

/// <param name="Fit">Which column the drawing is laid out for: <c>wide</c> (a desktop's) or <c>narrow</c> (a phone's).</param>
public sealed record AnswersDrawingView(string Id, string Fit, double Width, double Height, double FontSize, double LineHeight,
    IReadOnlyList<AnswersLabelView> Labels, IReadOnlyList<ChartBoxView> Stripes, IReadOnlyList<ChartBoxView> Rules, IReadOnlyList<AnswersMarkView> Marks);

/// <param name="Kind"><c>row</c> (who answered) or <c>column</c> (whose statement).</param>
/// <param name="Url">The person's page; null for the row or column that groups everyone else.</param>
/// <param name="Lines">The name cut between words into lines, never shortened.</param>
public sealed record AnswersLabelView(string Kind, string PersonId, string Name, string? Url, double X, double Y, string Anchor, IReadOnlyList<string> Lines);

/// <summary>One relation's answers from a row's person to a column's: a mark (its shape and colour the relation) and its count.</summary>
public sealed record AnswersMarkView(string From, string To, string Relation, int Count, double X, double Y);

/// <param name="From">Who answered; an empty id for everyone not drawn.</param>
/// <param name="To">Whose statement; an empty id for everyone not drawn.</param>
public sealed record AnswersEntryView(AnswersPersonView From, AnswersPersonView To, string Relation, string RelationLabel, int Count);

public sealed record AnswersPersonView(string Id, string Name, string? Url);

/// <summary>A rectangle of a drawing (a band, a rule of width 0).</summary>
public sealed record ChartBoxView(double X, double Y, double Width, double Height);
