using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Scaffolding;

namespace FactDossier.Cli;

/// <summary><c>new claim</c>: load the dossier, scaffold the claim, and write it only where no file exists yet.</summary>
public static class NewClaimCommand
{
    public sealed record Outcome(string? WrittenPath, IReadOnlyList<Diagnostic> Diagnostics);

    public static Outcome Run(InputLayout layout, NewClaimRequest request)
    {
        var loaded = DossierLoader.Load(layout);
        if (loaded.Dossier is not { } dossier)
        {
            return new Outcome(null, loaded.Diagnostics);
        }

        var (claim, diagnostics) = ClaimScaffold.Create(dossier, request);
        if (claim is null)
        {
            return new Outcome(null, diagnostics);
        }

        var fullPath = Path.Combine(layout.Input, "claims", claim.Id + ".yml");
        var displayPath = layout.Display(fullPath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            using var file = new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
            writer.Write(claim.Content);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            return new Outcome(null, [new Diagnostic(DiagnosticCode.DuplicateId, SourceSpan.StartOf(displayPath),
                $"{displayPath} already exists; it is not overwritten", "choose another id with --id")]);
        }

        return new Outcome(displayPath, diagnostics);
    }
}
