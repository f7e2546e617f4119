using System.Collections.Immutable;
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
    SourceSpan Span)
{
    public Pagination Pagination { get; init; } = Pagination.Default;

    /// <summary>Whether each claim, article and the home page get a 1200×630 share image (<c>share_cards</c>, default true).</summary>
    public bool ShareCards { get; init; } = true;

    /// <summary>The form-based editor published at <c>admin/</c> (<c>editor</c>).</summary>
    public EditorSettings Editor { get; init; } = EditorSettings.Default;

    /// <summary>
    /// Words that mark a sentence as reported speech, by language (<c>reported_speech</c>), for <c>check --coverage</c>;
    /// a language not named here keeps the default list (see <c>Coverage.ReportedSpeech</c>).
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ReportedSpeech { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>The largest site the build publishes, in megabytes of 1,000,000 bytes (<c>max_site_size_mb</c>): larger warns, or fails under <c>--strict</c>.</summary>
    public int MaxSiteSizeMb { get; init; } = DefaultMaxSiteSizeMb;

    /// <summary>GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB."</summary>
    public const int DefaultMaxSiteSizeMb = 1000;
}

/// <summary>
/// The form-based editor (Decap CMS): on by default; it commits to the GitHub repository of <c>repository</c>, through
/// the OAuth provider at <paramref name="OAuthUrl"/> (Decap's <c>base_url</c>; none: Netlify's).
/// </summary>
public sealed record EditorSettings(bool Enabled, Uri? OAuthUrl, string? AuthEndpoint)
{
    public static EditorSettings Default { get; } = new(true, null, null);
}

/// <summary>How many items a page of each kind of list holds (<c>pagination</c> in site.yml).</summary>
/// <param name="Claims">Claim cards: home and topic pages.</param>
/// <param name="Quotes">Statements and counter-statements: person pages and the timeline's months.</param>
/// <param name="Entries">Entries of the sources page, the articles index and the corrections log.</param>
/// <param name="Rows">Claims as compact rows: the claims index, verdict pages and a source's citing claims.</param>
public sealed record Pagination(int Claims, int Quotes, int Entries, int Rows)
{
    public static Pagination Default { get; } = new(25, 150, 100, 100);
}

public sealed record Publisher(string Name, Uri? Url);

/// <summary>Where the dossier's files live, for "suggest a change" links.</summary>
public sealed record Repository(Uri Url, string Branch)
{
    public Uri EditUrlFor(string relativePath) => new($"{Url.AbsoluteUri.TrimEnd('/')}/blob/{Branch}/{relativePath}");

    /// <summary>"owner/name" when the repository is on GitHub, else null.</summary>
    public string? GitHubName => Url.Host == "github.com" && Url.AbsolutePath.Trim('/').Split('/') is [var owner, var name] && owner.Length > 0 && name.Length > 0
        ? $"{owner}/{(name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name)}"
        : null;
}
