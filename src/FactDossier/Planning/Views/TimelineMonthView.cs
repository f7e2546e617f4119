namespace FactDossier.Planning.Views;

/// <summary>A month of the timeline, in the index of months: <c>yyyy-MM</c>, its name, its page and how many quotes it holds.</summary>
public sealed record TimelineMonthView(string Key, string Label, string Url, int EntryCount);
