namespace FactDossier.Planning.Views;

/// <summary>
/// A statement or counter-statement as shown: someone's exact words (<see cref="Quote"/>, in <see cref="Lang"/>) or
/// an established fact in the editors' words (<see cref="Text"/>).
/// </summary>
public sealed record QuoteView(
    string ElementId,
    string Role,
    string RoleLabel,
    PersonRef? Speaker,
    string? Quote,
    string? Text,
    string? Lang,
    string? Translation,
    string? SaidOn,
    string? SaidOnIso,
    string? Venue,
    string? Context,
    string? InArticleUrl,
    int? Paragraph,
    SourceView? Source)
{
    /// <summary>Where the words first appeared (a post, a video, a transcript).</summary>
    public string? FirstAppearance { get; init; }
}
