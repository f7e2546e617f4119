using FactDossier.Model;

namespace FactDossier.Planning.Views;

/// <summary>
/// A statement or counter-statement as shown: someone's exact words (<see cref="Quote"/>, in <see cref="Lang"/>) or
/// an established fact in the editors' words (<see cref="Text"/>). What the page shows of the editors' selector
/// besides the words themselves (where they first appeared) the template reads from <see cref="Selector"/>.
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
    /// <summary>The editors' selector of someone's words (none for an established fact), as the claim file gives it.</summary>
    public QuoteSelector? Selector { get; init; }
}
