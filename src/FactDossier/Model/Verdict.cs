using MemoryPack;
namespace FactDossier.Model;

/// <summary>The rating, a one-line summary, and the reasoning in Markdown.</summary>
[MemoryPackable]
public sealed partial record Verdict(Located<string> Rating, string Summary, string? Explanation);
