namespace FactDossier.Planning.Views;

/// <summary>
/// Who answers whom (theme/partials/charts/answers.liquid): the speakers as nodes, an arrow from each who answered a
/// statement to its speaker, styled by relation, and the same answers as a table with links to the people.
/// </summary>
public sealed record AnswersChartView(string Id, string Label, int Width, int Height, IReadOnlyList<AnswersNodeView> Nodes, IReadOnlyList<AnswersEdgeView> Edges);

/// <param name="Url">The person's page; null for the node that groups everyone else.</param>
/// <param name="Anchor">Which way the label reads from the node: start (right of it) or end (left of it).</param>
public sealed record AnswersNodeView(string Id, string Name, string? Url, double X, double Y, double LabelX, string Anchor);

/// <param name="Path">The SVG path of the arrow.</param>
public sealed record AnswersEdgeView(AnswersNodeView From, AnswersNodeView To, string Relation, string RelationLabel, int Count, string Path, double Width);
