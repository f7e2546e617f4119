using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>
/// A passage of an article the editors decided not to check (<c>not_checked</c> in its YAML), with why: anchored like a
/// claim's quote, and listed on the page that shows what was left out (IFCN's transparency on what is not checked).
/// </summary>
public sealed record NotCheckedPassage(QuoteSelector Quote, string Reason, SourceSpan Span);
