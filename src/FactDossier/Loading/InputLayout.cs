namespace FactDossier.Loading;

/// <summary>
/// Where things are, following Statiq's and Hugo's conventions: <c>input/</c>, <c>seeds/</c>, <c>theme/</c> and
/// <c>output/</c> under one root. Diagnostics name files relative to <see cref="Root"/>.
/// </summary>
public sealed record InputLayout(string Root, string Input, string Theme, string Output)
{
    public static InputLayout Under(string root, string? input = null, string? theme = null, string? output = null)
    {
        var fullRoot = Path.GetFullPath(root);
        return new InputLayout(
            fullRoot,
            Path.GetFullPath(input ?? "input", fullRoot),
            Path.GetFullPath(theme ?? "theme", fullRoot),
            Path.GetFullPath(output ?? "output", fullRoot));
    }

    public string SiteFile => Path.Combine(Input, "site.yml");

    public string Display(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    public string FromRoot(string relativePath) => Path.GetFullPath(relativePath, Root);
}
