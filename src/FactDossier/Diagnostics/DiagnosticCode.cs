using MemoryPack;
namespace FactDossier.Diagnostics;

/// <summary>
/// One entry of the FD code table. Codes are stable: editors search for them, CONTRIBUTING.md lists them,
/// and tests read <see cref="All"/> so that the table and the documentation cannot drift apart.
/// </summary>
[MemoryPackable]
public sealed partial record DiagnosticCode(string Id, Severity Severity, string Title)
{
    // Loading: bytes, YAML syntax and the shape of each file.
    public static readonly DiagnosticCode NotUtf8 = new("FD0001", Severity.Error, "File is not valid UTF-8");
    public static readonly DiagnosticCode YamlSyntax = new("FD0002", Severity.Error, "YAML syntax error");
    public static readonly DiagnosticCode WrongType = new("FD0003", Severity.Error, "Value has the wrong type");
    public static readonly DiagnosticCode MissingField = new("FD0004", Severity.Error, "Required field is missing");
    public static readonly DiagnosticCode UnknownField = new("FD0005", Severity.Error, "Unknown field");
    public static readonly DiagnosticCode DuplicateKey = new("FD0006", Severity.Error, "Field written twice");
    public static readonly DiagnosticCode InvalidDate = new("FD0007", Severity.Error, "Invalid or impossible date");
    public static readonly DiagnosticCode InvalidUrl = new("FD0008", Severity.Error, "URL is not absolute http(s)");
    public static readonly DiagnosticCode EmptyValue = new("FD0009", Severity.Error, "Value is empty");
    public static readonly DiagnosticCode InvalidId = new("FD0010", Severity.Error, "Id is not a lowercase slug");
    public static readonly DiagnosticCode InvalidChoice = new("FD0011", Severity.Error, "Value is not one of the allowed choices");
    public static readonly DiagnosticCode MissingFile = new("FD0012", Severity.Error, "File or folder not found");
    public static readonly DiagnosticCode InvalidNumber = new("FD0013", Severity.Error, "Invalid number");
    public static readonly DiagnosticCode TooLong = new("FD0014", Severity.Error, "Text is too long");
    public static readonly DiagnosticCode InvalidLanguage = new("FD0015", Severity.Error, "Not a language code");

    // Validation: rules across files.
    public static readonly DiagnosticCode DuplicateId = new("FD0101", Severity.Error, "Id used twice");
    public static readonly DiagnosticCode UnknownPerson = new("FD0102", Severity.Error, "Unknown person");
    public static readonly DiagnosticCode UnknownArticle = new("FD0103", Severity.Error, "Unknown article");
    public static readonly DiagnosticCode UnknownSource = new("FD0104", Severity.Error, "Unknown source");
    public static readonly DiagnosticCode UnknownRating = new("FD0105", Severity.Error, "Unknown rating");
    public static readonly DiagnosticCode IdDoesNotMatchFileName = new("FD0106", Severity.Error, "Id differs from the file name");
    public static readonly DiagnosticCode QuoteOrText = new("FD0107", Severity.Error, "Counter-statement needs a quote or a text");
    public static readonly DiagnosticCode InvalidRatingScale = new("FD0108", Severity.Error, "Rating scale is inconsistent");
    public static readonly DiagnosticCode ImpossibleChronology = new("FD0109", Severity.Error, "Date is impossible for the article");
    public static readonly DiagnosticCode ParagraphOutOfRange = new("FD0110", Severity.Error, "Paragraph number out of range");
    public static readonly DiagnosticCode TodoMarker = new("FD0111", Severity.Warning, "TODO left to fill in");
    public static readonly DiagnosticCode ReservedId = new("FD0112", Severity.Error, "Id is reserved");
    public static readonly DiagnosticCode NotCheckedNotShown = new("FD0113", Severity.Warning, "Passages not checked are shown on no page");

    // Anchoring: quotes located in their article.
    public static readonly DiagnosticCode QuoteNotFound = new("FD0201", Severity.Error, "Quote not found in the article");
    public static readonly DiagnosticCode QuoteAmbiguous = new("FD0202", Severity.Error, "Quote found more than once");
    public static readonly DiagnosticCode OccurrenceOutOfRange = new("FD0203", Severity.Error, "Occurrence out of range");
    public static readonly DiagnosticCode StatementClaimedTwice = new("FD0204", Severity.Warning, "Statement checked by two claims");
    public static readonly DiagnosticCode NotCovered = new("FD0205", Severity.Info, "Passage of the article not covered");

    // Rendering: the theme.
    public static readonly DiagnosticCode TemplateError = new("FD0301", Severity.Error, "Template error");

    // Publishing: the generated site and the output folder.
    public static readonly DiagnosticCode BrokenLink = new("FD0401", Severity.Error, "Broken internal link");
    public static readonly DiagnosticCode DuplicateHtmlId = new("FD0402", Severity.Error, "Duplicate id in a page");
    public static readonly DiagnosticCode OutputNotWritable = new("FD0403", Severity.Error, "Output folder cannot be written");
    public static readonly DiagnosticCode NoBaseUrl = new("FD0404", Severity.Warning, "Published site has no base URL");
    public static readonly DiagnosticCode EditorWithoutGitHub = new("FD0405", Severity.Warning, "Editor without a GitHub repository");
    public static readonly DiagnosticCode OutputBusy = new("FD0406", Severity.Error, "Output folder is being written by another build");
    public static readonly DiagnosticCode SiteTooLarge = new("FD0407", Severity.Warning, "Site larger than its host takes");

    // Scaffolding: what the new commands would write.
    public static readonly DiagnosticCode TargetExists = new("FD0501", Severity.Error, "Would write over what exists");
    public static readonly DiagnosticCode HardToAnchor = new("FD0502", Severity.Warning, "Article text is hard to quote from");

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        NotUtf8, YamlSyntax, WrongType, MissingField, UnknownField, DuplicateKey, InvalidDate, InvalidUrl, EmptyValue,
        InvalidId, InvalidChoice, MissingFile, InvalidNumber, TooLong, InvalidLanguage,
        DuplicateId, UnknownPerson, UnknownArticle, UnknownSource, UnknownRating, IdDoesNotMatchFileName, QuoteOrText,
        InvalidRatingScale, ImpossibleChronology, ParagraphOutOfRange, TodoMarker, ReservedId, NotCheckedNotShown,
        QuoteNotFound, QuoteAmbiguous, OccurrenceOutOfRange, StatementClaimedTwice, NotCovered,
        TemplateError,
        BrokenLink, DuplicateHtmlId, OutputNotWritable, NoBaseUrl, EditorWithoutGitHub, OutputBusy, SiteTooLarge,
        TargetExists, HardToAnchor,
    ];

    public override string ToString() => Id;
}
