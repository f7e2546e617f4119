using System.Text;
using FactDossier.Anchoring;
using FactDossier.Model;

namespace FactDossier.Rendering;

/// <summary>How one anchor is shown: where its mark links, its CSS class and its tooltip.</summary>
public sealed record MarkStyle(string Href, string CssClass, string Title);

/// <summary>
/// Renders one paragraph of an article with its anchored quotes as <c>&lt;mark&gt;</c> elements. Overlapping and nested
/// quotes are cut at every anchor boundary into flat segments, so the HTML stays valid however the quotes overlap;
/// each segment links to the innermost quote covering it, and each quote's first segment carries its id
/// (on the mark, or on an empty span before it when two quotes begin at the same character).
/// </summary>
public static class AnnotatedArticleRenderer
{
    public static string RenderParagraph(string raw, Paragraph paragraph, IReadOnlyList<QuoteAnchor> anchors, Func<QuoteAnchor, MarkStyle> styleOf)
    {
        var inside = anchors
            .Where(a => a.Start < paragraph.End && a.End > paragraph.Start)
            .OrderBy(a => a.Start).ThenByDescending(a => a.End).ThenBy(a => a.ElementId, StringComparer.Ordinal)
            .ToList();
        if (inside.Count == 0)
        {
            return Html.Encode(raw[paragraph.Start..paragraph.End]);
        }

        var cuts = new SortedSet<int> { paragraph.Start, paragraph.End };
        foreach (var a in inside)
        {
            cuts.Add(Math.Max(a.Start, paragraph.Start));
            cuts.Add(Math.Min(a.End, paragraph.End));
        }

        // Sized for the text and its marks up front; the text is encoded straight into it, never cut into substrings.
        var html = new StringBuilder(paragraph.End - paragraph.Start + 320 * inside.Count);
        using var writer = new StringWriter(html, System.Globalization.CultureInfo.InvariantCulture);
        var started = new HashSet<string>(StringComparer.Ordinal);
        var positions = cuts.ToArray();
        for (var i = 0; i + 1 < positions.Length; i++)
        {
            var (from, to) = (positions[i], positions[i + 1]);
            var covering = inside.Where(a => a.Start <= from && a.End >= to).ToList();
            if (covering.Count == 0)
            {
                Html.Encoder.Encode(writer, raw, from, to - from);
                continue;
            }

            var innermost = covering.OrderBy(a => a.End - a.Start).ThenBy(a => a.CounterIndex).ThenBy(a => a.ElementId, StringComparer.Ordinal).First();
            var beginning = covering.Where(a => started.Add(a.ElementId)).ToList();
            var idHolder = beginning.Contains(innermost) ? innermost : beginning.FirstOrDefault();
            var markId = idHolder?.ElementId;
            foreach (var other in beginning.Where(a => a != idHolder))
            {
                html.Append("<span class=\"quote-start\" id=\"").Append(Html.Encode(other.ElementId)).Append("\"></span>");
            }

            var style = styleOf(innermost);
            var nested = covering.Count > 1 ? " nested" : "";
            html.Append("<a class=\"mark-link\" href=\"").Append(Html.Encode(style.Href))
                .Append("\" title=\"").Append(Html.Encode(style.Title)).Append("\"><mark class=\"")
                .Append(Html.Encode(style.CssClass)).Append(nested).Append('"');
            if (markId is not null)
            {
                html.Append(" id=\"").Append(Html.Encode(markId)).Append('"');
            }

            html.Append('>');
            Html.Encoder.Encode(writer, raw, from, to - from);
            html.Append("</mark></a>");
        }

        return html.ToString();
    }
}
