using MemoryPack;
namespace FactDossier.Model;

/// <summary>What was said and is being checked.</summary>
[MemoryPackable]
public sealed partial record Statement(
    Located<string>? Speaker,
    QuoteSelector Quote,
    string? Translation,
    Located<DateOnly>? SaidOn,
    string? Venue,
    Located<string>? Source,
    string? Context);
