using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace FactDossier.Bench;

/// <summary>
/// The preview's latency as an editor's open tab sees it: one claim's headline edited, then the time until the
/// server's live-reload stream announces a good build and the claim's page comes back with the edit. Nothing polls: a
/// poller spawning a process every few milliseconds takes, on two cores, the processor the rebuild needs.
/// </summary>
internal static class Served
{
    public static async Task<int> RunAsync(Uri site, string claim, int edits)
    {
        var original = await File.ReadAllTextAsync(claim);
        var page = new Uri(site, "claims/" + Path.GetFileNameWithoutExtension(claim) + "/");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var stream = await http.GetStreamAsync(new Uri(site, "__factdossier/events"));
        var builds = Channel.CreateUnbounded<(int Version, bool Ok)>();
        _ = ReadEventsAsync(stream, builds.Writer); // until the stream closes, with the preview or this run
        var (current, _) = await builds.Reader.ReadAsync(); // the status of the build before any edit
        var served = new List<long>();
        try
        {
            for (var e = 1; e <= edits; e++)
            {
                var marker = $"Edit {e} of the benchmark";
                await File.WriteAllTextAsync(claim, WithHeadline(original, marker));
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    var (version, ok) = await builds.Reader.ReadAsync();
                    if (version > current && ok && (await http.GetStringAsync(page)).Contains(marker, StringComparison.Ordinal))
                    {
                        current = version;
                        break;
                    }

                    current = Math.Max(current, version);
                }

                served.Add(clock.ElapsedMilliseconds);
                await Task.Delay(300); // an editor's pace: the next save comes after the last one is seen
            }
        }
        finally
        {
            await File.WriteAllTextAsync(claim, original);
        }

        Console.WriteLine(string.Join(' ', served.Order()));
        return 0;
    }

    private static string WithHeadline(string claim, string headline) =>
        string.Join('\n', claim.Split('\n').Select(line => line.StartsWith("headline: ", StringComparison.Ordinal) ? "headline: " + headline : line));

    private static async Task ReadEventsAsync(Stream stream, ChannelWriter<(int, bool)> builds)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var status = JsonDocument.Parse(line["data: ".Length..]);
                builds.TryWrite((status.RootElement.GetProperty("version").GetInt32(), status.RootElement.GetProperty("ok").GetBoolean()));
            }
        }
    }
}
