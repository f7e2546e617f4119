using System.Collections.Immutable;

namespace FactDossier.Model;

/// <summary>Everything the editors wrote, loaded; collections sorted by id so that every later stage is deterministic.</summary>
public sealed record Dossier(
    SiteSettings Site,
    ImmutableArray<Article> Articles,
    ImmutableArray<Person> People,
    ImmutableArray<Source> Sources,
    ImmutableArray<Claim> Claims,
    ImmutableArray<MarkdownPage> Pages);
