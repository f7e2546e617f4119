using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FactDossier.Planning.Views;

namespace FactDossier.Planning.Search;

/// <summary>The index's JSON forms: results, lists of claims as gaps or bitmaps, and terms.</summary>
public static partial class SearchIndex
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A result as a list: URL, headline, speaker, verdict key, verdict label, verdict summary, the verdict's tone and mark.</summary>
    private static string Doc(ClaimView claim) => Json(w =>
    {
        w.WriteStartArray();
        w.WriteStringValue(claim.Url);
        w.WriteStringValue(claim.Headline);
        w.WriteStringValue(claim.Statement.Speaker?.Name ?? "");
        w.WriteStringValue(claim.Verdict.Rating);
        w.WriteStringValue(claim.Verdict.Label);
        w.WriteStringValue(claim.Verdict.Summary);
        w.WriteStringValue(claim.Verdict.Look.Tone);
        w.WriteStringValue(claim.Verdict.Look.Mark);
        w.WriteEndArray();
    });

    /// <summary>The claims as gaps or as a bitmap, whichever is shorter.</summary>
    private static string DocList(List<int> docs, int count)
    {
        var bitmapLength = 2 + (((count + 7) / 8) + 2) / 3 * 4;
        // Gaps take at least two characters each (a digit and a comma, or a bracket): when even that is longer, the
        // bitmap is shorter without writing the gaps.
        if ((2 * docs.Count) + 1 > bitmapLength)
        {
            return Bitmap(docs, count);
        }

        var gaps = Gaps(docs);
        return gaps.Length <= bitmapLength ? gaps : Bitmap(docs, count);
    }

    private static string Bitmap(List<int> docs, int count)
    {
        var bits = new byte[(count + 7) / 8];
        foreach (var doc in docs)
        {
            bits[doc >> 3] |= (byte)(1 << (doc & 7));
        }

        return $"\"{Convert.ToBase64String(bits)}\"";
    }

    private static string Gaps(List<int> docs)
    {
        var text = new StringBuilder("[");
        var last = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append((docs[i] - last).ToString(CultureInfo.InvariantCulture));
            last = docs[i];
        }

        return text.Append(']').ToString();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
