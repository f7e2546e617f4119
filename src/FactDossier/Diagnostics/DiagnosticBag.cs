namespace FactDossier.Diagnostics;

/// <summary>Collects the diagnostics of one stage so that an editor sees every problem of a kind in one run.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => ErrorCount > 0;

    public int ErrorCount { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        ErrorCount += diagnostic.IsError ? 1 : 0;
    }

    public void Add(DiagnosticCode code, SourceSpan span, string message, string? hint = null) =>
        Add(new Diagnostic(code, span, message, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public IReadOnlyList<Diagnostic> ToSortedList() => DiagnosticOrder.Sort(_items);
}
