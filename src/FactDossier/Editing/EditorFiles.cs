using FactDossier.Model;

namespace FactDossier.Editing;

/// <summary>
/// Where the editor is published: <c>admin/</c>, the theme's <c>admin/</c> folder (Decap's page and its vendored
/// script) beside the <c>config.yml</c> made from the schemas.
/// </summary>
public static class EditorFiles
{
    public const string Folder = "admin/";
    public const string ConfigPath = Folder + "config.yml";

    /// <summary>Whether the site publishes the editor: on, with a GitHub repository to open pull requests on.</summary>
    public static bool Publishes(SiteSettings site) => site.Editor.Enabled && site.Repository?.GitHubName is not null;
}
