namespace FactDossier.Planning.Views;

public sealed record PersonRef(string Id, string Name, string? Role, string Url);
