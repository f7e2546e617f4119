namespace FactDossier.Planning.Views;

public sealed record TimelineDayView(string Date, string DateIso, IReadOnlyList<ListedQuoteView> Entries);
