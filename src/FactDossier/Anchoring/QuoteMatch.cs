namespace FactDossier.Anchoring;

/// <summary>What looking for a quote in an article found.</summary>
public abstract record QuoteMatch
{
    private QuoteMatch()
    {
    }

    /// <summary>Exactly one place: raw offsets into the article.</summary>
    public sealed record Found(int Start, int End) : QuoteMatch;

    /// <summary>Several places (raw start offsets); the selector must say which.</summary>
    public sealed record Ambiguous(IReadOnlyList<int> Starts) : QuoteMatch;

    /// <summary>Nowhere; <see cref="Closest"/> is a hint for the editor, never an anchor.</summary>
    public sealed record NotFound(int? ClosestStart, int? ClosestEnd, int? Distance) : QuoteMatch;

    public sealed record OccurrenceOutOfRange(int Count) : QuoteMatch;

    /// <summary>The words are there (<see cref="Occurrences"/> times) but never with the given prefix or suffix.</summary>
    public sealed record ContextMismatch(int Occurrences) : QuoteMatch;
}
