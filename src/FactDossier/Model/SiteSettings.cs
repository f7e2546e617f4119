using FactDossier.Diagnostics;

namespace FactDossier.Model;

/// <summary><c>input/site.yml</c>: what the dossier is, who publishes it and how it is rated.</summary>
public sealed record SiteSettings(
    string Title,
    string? Summary,
    string Language,
    Publisher Publisher,
    Uri? BaseUrl,
    string? BasePath,
    Repository? Repository,
    RatingScale RatingScale,
    SourceSpan Span);

public sealed record Publisher(string Name, Uri? Url);

/// <summary>Where the dossier's files live, for "suggest a change" links.</summary>
public sealed record Repository(Uri Url, string Branch)
{
    public Uri EditUrlFor(string relativePath) => new($"{Url.AbsoluteUri.TrimEnd('/')}/blob/{Branch}/{relativePath}");
}
