namespace FactDossier.Tests.Support;

/// <summary>Paths of the repository under test, found from the test binary's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Theme => Path.Combine(Root, "theme");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactDossier.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FactDossier.sln not found above " + AppContext.BaseDirectory);
    }
}
