namespace FactDossier.Anchoring;

/// <summary>The passage of a text nearest to a quote that was not found, and how many edits apart they are.</summary>
public sealed record ClosestPassage(int Start, int Length, int Distance)
{
    /// <summary>
    /// Approximate substring matching (Sellers' algorithm): the edit distance between the pattern and the best
    /// substring of the text, in O(pattern × text) time and O(text) memory. Ties go to the earliest passage.
    /// </summary>
    public static ClosestPassage? Find(string pattern, string text)
    {
        if (pattern.Length == 0 || text.Length == 0)
        {
            return null;
        }

        var n = text.Length;
        var previous = new int[n + 1];
        var current = new int[n + 1];
        var previousStart = new int[n + 1];
        var currentStart = new int[n + 1];
        for (var j = 0; j <= n; j++)
        {
            previousStart[j] = j; // a match may begin anywhere in the text
        }

        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            currentStart[0] = 0;
            var p = pattern[i - 1];
            for (var j = 1; j <= n; j++)
            {
                var substitute = previous[j - 1] + (p == text[j - 1] ? 0 : 1);
                var delete = previous[j] + 1;
                var insert = current[j - 1] + 1;
                if (substitute <= delete && substitute <= insert)
                {
                    current[j] = substitute;
                    currentStart[j] = previousStart[j - 1];
                }
                else if (delete <= insert)
                {
                    current[j] = delete;
                    currentStart[j] = previousStart[j];
                }
                else
                {
                    current[j] = insert;
                    currentStart[j] = currentStart[j - 1];
                }
            }

            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
        }

        var bestEnd = 1;
        for (var j = 2; j <= n; j++)
        {
            if (previous[j] < previous[bestEnd])
            {
                bestEnd = j;
            }
        }

        var start = previousStart[bestEnd];
        return new ClosestPassage(start, bestEnd - start, previous[bestEnd]);
    }
}
