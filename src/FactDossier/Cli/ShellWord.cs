namespace FactDossier.Cli;

/// <summary>A text as one word of a POSIX shell's command line, so that a printed command can be copied and run as it is.</summary>
public static class ShellWord
{
    public static string Quote(string text)
    {
        if (text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '='))
        {
            return text;
        }

        // Inside double quotes, an interactive bash still expands '!': such a text goes between single quotes.
        return text.Contains('!')
            ? "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : "\"" + string.Concat(text.Select(c => c is '"' or '\\' or '$' or '`' ? $"\\{c}" : c.ToString())) + "\"";
    }
}
