using System.Text;
using CsCheck;
using FactDossier.Anchoring;
using FactDossier.Diagnostics;
using FactDossier.Loading;
using FactDossier.Loading.Yaml;
using FactDossier.Model;
using FactDossier.Tests.Support;
using FactDossier.Validation;

namespace FactDossier.Tests.Validation;

/// <summary>
/// Thousands of broken claim files, made by mutating the real ones, through the loader, the validator and the
/// anchorer: never an exception, never a hang, always a claim or diagnostics positioned inside the file. The run is
/// seeded; a failure prints the case's seed, and FUZZ_SEED=&lt;seed&gt; replays just that case.
/// </summary>
public sealed class LoaderFuzzTests
{
    private const int Cases = 3000;
    private const string FilePath = "input/claims/fuzzed.yml";
    private const ulong BaseSeed = 20220331;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(5);

    private static readonly string[] RealClaims = [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "input", "claims"), "*.yml")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly Dossier Context = DossierLoader.Load(InputLayout.Under(RepositoryPaths.Root)).Dossier!;

    private static readonly string[] Fragments =
        ["[", "]", "{", "}", ":", ": ", "- ", "\t", "'", "\"", "&a ", "*a", "!!str ", "? ", "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n",
         "\u0000", "\uFEFF", "\u202E", "é", "\r\n", "  ", "null", "~", "2022-02-30", "TODO", "<script>", "{{ x }}", "\\"];

    /// <summary>One mutation of a real claim file: lines dropped, repeated, swapped; text cut, spliced or replaced by noise; huge or deep values.</summary>
    private static readonly Gen<byte[]> BrokenFiles = Gen.Frequency(
        (9, Gen.Int[0, RealClaims.Length - 1].SelectMany(i => Gen.Int[1, 4].SelectMany(n => Mutation.Array[n].Select(ms =>
        {
            var text = RealClaims[i];
            foreach (var m in ms)
            {
                text = m(text);
            }

            return Encoding.UTF8.GetBytes(text);
        })))),
        (1, Gen.Byte.Array[0, 2000]));

    private static Gen<Func<string, string>> Mutation => Gen.OneOf(
        Gen.Int.Select<int, Func<string, string>>(k => t => Lines(t, lines => lines.RemoveAt(Index(k, lines.Count)))),
        Gen.Int.Select<int, Func<string, string>>(k => t => Lines(t, lines => lines.Insert(Index(k, lines.Count), lines[Index(k, lines.Count)]))),
        Gen.Select(Gen.Int, Gen.Int).Select<(int, int), Func<string, string>>(p => t => Lines(t, lines =>
            (lines[Index(p.Item1, lines.Count)], lines[Index(p.Item2, lines.Count)]) = (lines[Index(p.Item2, lines.Count)], lines[Index(p.Item1, lines.Count)]))),
        Gen.Int.Select<int, Func<string, string>>(k => t => t[..Index(k, t.Length + 1)]),
        Gen.Select(Gen.Int, Gen.Int[0, Fragments.Length - 1]).Select<(int, int), Func<string, string>>(p => t => t.Insert(Index(p.Item1, t.Length + 1), Fragments[p.Item2])),
        Gen.Select(Gen.Int, Gen.String[0, 40]).Select<(int, string), Func<string, string>>(p => t => t.Insert(Index(p.Item1, t.Length + 1), p.Item2)),
        Gen.Int.Select<int, Func<string, string>>(k => t => t.Replace("summary: ", "summary: [", StringComparison.Ordinal)),
        Gen.Int.Select<int, Func<string, string>>(k => t => t.Replace("tags: [", "tags:\n  x: [", StringComparison.Ordinal)),
        Gen.Int[1, 200_000].Select<int, Func<string, string>>(n => t => t + "headline: " + new string('x', n) + "\n"),
        Gen.Int[1, 5_000].Select<int, Func<string, string>>(n => t => t + "deep: " + new string('[', n) + "\n"),
        Gen.Int[1, 2_000].Select<int, Func<string, string>>(n => t => t + string.Concat(Enumerable.Range(0, n).Select(d => new string(' ', d) + "- \n"))));

    private static int Index(int k, int count) => count == 0 ? 0 : (int)((uint)k % (uint)count);

    private static string Lines(string text, Action<List<string>> change)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0)
        {
            change(lines);
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Broken_claim_files_never_crash_hang_or_point_outside_themselves()
    {
        var only = Environment.GetEnvironmentVariable("FUZZ_SEED");
        var seeds = only is { Length: > 0 }
            ? [PCG.Parse(only)]
            : Enumerable.Range(0, Cases).Select(i => new PCG(1, BaseSeed + (ulong)i));
        foreach (var pcg in seeds)
        {
            var seed = pcg.ToString();
            var bytes = BrokenFiles.Generate(pcg, null, out _);
            (Claim? Claim, IReadOnlyList<Diagnostic> Diagnostics) outcome = default;
            try
            {
                outcome = await Task.Run(() => Pipeline(bytes)).WaitAsync(CaseLimit);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"case FUZZ_SEED={seed} did not finish within {CaseLimit.TotalSeconds} s");
            }
            catch (Exception e)
            {
                Assert.Fail($"case FUZZ_SEED={seed} threw {e}");
            }

            var (claim, diagnostics) = outcome;
            Assert.True(claim is not null || diagnostics.Any(d => d.IsError), $"case FUZZ_SEED={seed}: no claim and no error");
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            foreach (var d in diagnostics.Where(d => d.Span.Path == FilePath))
            {
                Assert.True(d.Span.Line >= 1 && d.Span.Line <= lines.Length + 1 && d.Span.Column >= 1
                    && d.Span.Column <= (d.Span.Line <= lines.Length ? lines[d.Span.Line - 1].Length : 0) + 2,
                    $"case FUZZ_SEED={seed}: {MsBuildFormatter.Format(d)} points outside the file");
            }
        }
    }

    private static (Claim? Claim, IReadOnlyList<Diagnostic> Diagnostics) Pipeline(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        if (TextFileReader.Decode(bytes, FilePath, diagnostics) is not { } text)
        {
            return (null, diagnostics.ToSortedList());
        }

        var root = YamlTreeReader.Read(text, FilePath, diagnostics);
        Placeholder.Report(root, diagnostics);
        var claim = diagnostics.HasErrors && root is null ? null : ClaimLoader.Read(root, FilePath, diagnostics);
        if (claim is not null && !diagnostics.HasErrors)
        {
            var dossier = Context with { Claims = [claim] };
            diagnostics.AddRange(DossierValidator.Validate(dossier));
            diagnostics.AddRange(QuoteAnchorer.Anchor(dossier).Diagnostics);
        }

        return (claim, diagnostics.ToSortedList());
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seed()
    {
        var a = BrokenFiles.Generate(new PCG(1, BaseSeed), null, out _);
        var b = BrokenFiles.Generate(new PCG(1, BaseSeed), null, out _);
        Assert.Equal(a, b);
    }
}
