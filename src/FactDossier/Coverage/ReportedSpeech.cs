using System.Collections.Immutable;
using FactDossier.Model;

namespace FactDossier.Coverage;

/// <summary>
/// Sentences that report speech without quoting it (« …, ont expliqué les négociateurs », "…, according to the
/// ministry"): a sentence with one of its language's cue words and no quotation (a sentence that quotes is judged by
/// its quotations).
/// </summary>
public static class ReportedSpeech
{
    /// <summary>The cue words of the languages whose lists <c>reported_speech</c> in site.yml does not replace.</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Defaults { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["en"] = ["said", "says", "told", "stated", "declared", "according to", "announced", "added", "argued", "insisted", "warned", "explained"],
        ["fr"] =
        [
            "selon", "d'après", "dit", "déclaré", "déclare", "affirmé", "affirme", "estimé", "estime", "assuré", "assure", "souligné",
            "souligne", "expliqué", "explique", "ajouté", "ajoute", "indiqué", "indique", "précisé", "annoncé", "jugé", "lancé",
            "fait valoir", "a-t-il", "a-t-elle", "ont-ils",
        ],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The cue words for an article's language: the site's list for it, else the default one, else none.</summary>
    public static ImmutableArray<string> CuesFor(SiteSettings site, string language)
    {
        var primary = language.Split('-')[0];
        return site.ReportedSpeech.TryGetValue(language, out var cues) || site.ReportedSpeech.TryGetValue(primary, out cues)
            || Defaults.TryGetValue(primary, out cues)
            ? cues
            : [];
    }

    /// <summary>The sentences of <c>raw[from..to)</c> (one paragraph) that report speech, as raw ranges of their words.</summary>
    public static IEnumerable<(int Start, int End)> In(string raw, int from, int to, IReadOnlyList<Quotation> quotations, ImmutableArray<string> cues)
    {
        if (cues.IsEmpty)
        {
            yield break;
        }

        foreach (var (start, end) in Sentences(raw, from, to, quotations))
        {
            var quotes = quotations.Any(q => q.Open < end && q.Close >= start);
            if (!quotes && HasCue(raw.AsSpan(start, end - start), cues))
            {
                yield return Quotations.Words(raw, start, end);
            }
        }
    }

    /// <summary>A paragraph cut after each '.', '!', '?' or '…' followed by a space, outside quotations.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string raw, int from, int to, IReadOnlyList<Quotation> quotations)
    {
        var start = from;
        for (var i = from; i < to; i++)
        {
            var next = raw.AsSpan(i, to - i).IndexOfAny(".!?…");
            if (next < 0)
            {
                break;
            }

            i += next;
            var ends = i + 1 == to || char.IsWhiteSpace(raw[i + 1]);
            if (ends && !quotations.Any(q => q.Open < i && i < q.Close))
            {
                yield return (start, i + 1);
                start = i + 1;
            }
        }

        if (raw.AsSpan(start, to - start).Trim().Length > 0)
        {
            yield return (start, to);
        }
    }

    /// <summary>Whether a cue is in the sentence as whole words, whatever the case and the apostrophe (’ or ').</summary>
    private static bool HasCue(ReadOnlySpan<char> sentence, ImmutableArray<string> cues)
    {
        var text = Fold(sentence);
        foreach (var cue in cues)
        {
            var word = Fold(cue);
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Fold(ReadOnlySpan<char> text) => text.ToString().ToLowerInvariant().Replace('’', '\'');
}
