using MemoryPack;
using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary>A document the dossier relies on. No URL is better than a guessed one: publisher, title and date identify it.</summary>
[MemoryPackable]
public sealed partial record Source(
    string Id,
    string Publisher,
    string Title,
    DateOnly? Date,
    Uri? Url,
    Uri? ArchiveUrl,
    string? Language,
    string? Note,
    SourceSpan Span);
