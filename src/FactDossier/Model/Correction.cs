namespace FactDossier.Model;

public sealed record Correction(DateOnly Date, string What);
