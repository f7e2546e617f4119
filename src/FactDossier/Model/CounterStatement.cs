using MemoryPack;
namespace FactDossier.Model;

/// <summary>
/// What the statement is set against: someone else's words (<see cref="Quote"/>) or an established fact told in the
/// editor's words (<see cref="Text"/>).
/// </summary>
[MemoryPackable]
public sealed partial record CounterStatement(
    int Index,
    Located<string>? Speaker,
    QuoteSelector? Quote,
    string? Text,
    Relation Relation,
    string? Translation,
    Located<DateOnly>? SaidOn,
    string? Venue,
    Located<string>? Source,
    Located<int>? Paragraph);
