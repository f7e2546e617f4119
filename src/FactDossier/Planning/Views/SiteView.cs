namespace FactDossier.Planning.Views;

/// <summary>What every page's layout needs: the dossier's name, navigation and assets.</summary>
public sealed record SiteView(
    string Title,
    string? Summary,
    string Language,
    string PublisherName,
    string? PublisherUrl,
    string HomeUrl,
    string CssUrl,
    string IconUrl,
    string ScriptUrl,
    string FeedUrl,
    IReadOnlyList<LinkView> Navigation)
{
    /// <summary>Open Graph's locale (<c>en_US</c>, <c>fr_FR</c>): the site's language with the region it is most spoken in.</summary>
    public string Locale
    {
        get
        {
            try
            {
                var culture = System.Globalization.CultureInfo.CreateSpecificCulture(Language);
                return culture.Name.Length > 0 ? culture.Name.Replace('-', '_') : Language;
            }
            catch (System.Globalization.CultureNotFoundException)
            {
                return Language;
            }
        }
    }
}

public sealed record LinkView(string Label, string Url);
