namespace FactDossier.Planning.Views;

public sealed record TimelineDayView(string Date, string DateIso, IReadOnlyList<TimelineEntryView> Entries);

public sealed record TimelineEntryView(QuoteView Quote, string ClaimUrl, string ClaimHeadline, VerdictView Verdict);
