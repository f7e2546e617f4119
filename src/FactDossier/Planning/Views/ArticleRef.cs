namespace FactDossier.Planning.Views;

public sealed record ArticleRef(string Id, string Title, string Url, string Date, string DateIso, string? Publisher, string? PublisherNote, string? ExternalUrl, string Language);
