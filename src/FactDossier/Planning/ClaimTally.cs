using System.Runtime.InteropServices;
using FactDossier.Planning.Views;

namespace FactDossier.Planning;

/// <summary>
/// Counts over every claim that the home, verdict and article index pages show: verdicts, speakers checked, and who
/// answers whom. After an edit they are the last plan's counts with the changed claims taken out as they were and put
/// back as they are, not a pass over 10,000 claims (whose views, scattered in memory, cost more to reach than to count).
/// </summary>
public sealed class ClaimTally
{
    private readonly Dictionary<string, int> _ratings;
    private readonly Dictionary<string, (PersonRef Person, int Count)> _speakers;
    private readonly Dictionary<(string From, string To, string Role), int> _answers;
    private readonly Dictionary<string, (PersonRef Person, int Count)> _answering;

    private ClaimTally(ClaimTally? before, bool sameAnswers)
    {
        _ratings = new(before?._ratings ?? [], StringComparer.Ordinal);
        _speakers = new(before?._speakers ?? [], StringComparer.Ordinal);
        // Never changed once made (a failed build keeps the last plan as it was): shared while no answer moves, else copied.
        (_answers, _answering) = sameAnswers ? (before!._answers, before._answering) : (new(before?._answers ?? []), new(before?._answering ?? [], StringComparer.Ordinal));
        (AnswerCount, AnswersAsBefore) = (before?.AnswerCount ?? 0, sameAnswers);
    }

    /// <summary>Claims by their verdict's rating key.</summary>
    public IReadOnlyDictionary<string, int> Ratings => _ratings;

    /// <summary>Each person whose statement a claim checks, with how many.</summary>
    public IReadOnlyDictionary<string, (PersonRef Person, int Count)> Speakers => _speakers;

    /// <summary>Counter-statements by their speaker, the statement's speaker and their relation (a person answering themself left out).</summary>
    public IReadOnlyDictionary<(string From, string To, string Role), int> Answers => _answers;

    /// <summary>Each person in <see cref="Answers"/>, with how many answers they give or get.</summary>
    public IReadOnlyDictionary<string, (PersonRef Person, int Count)> Answering => _answering;

    /// <summary>How many answers <see cref="Answers"/> counts.</summary>
    public int AnswerCount { get; private set; }

    /// <summary>Whether <see cref="Answers"/> and <see cref="Answering"/> are the last tally's: no answer came or went.</summary>
    public bool AnswersAsBefore { get; }

    public static ClaimTally Of(IEnumerable<ClaimView> claims) => Update(null, [], claims);

    /// <summary>The counts of <paramref name="before"/>, with the <paramref name="removed"/> views taken out and the <paramref name="added"/> ones in.</summary>
    public static ClaimTally Update(ClaimTally? before, IEnumerable<ClaimView> removed, IEnumerable<ClaimView> added)
    {
        var (taken, put) = (removed.ToList(), added.ToList());
        var sameAnswers = before is not null && taken.SelectMany(Keys).Order().SequenceEqual(put.SelectMany(Keys).Order());
        var tally = new ClaimTally(before, sameAnswers);
        taken.ForEach(claim => tally.Count(claim, -1));
        put.ForEach(claim => tally.Count(claim, +1));
        return tally;
    }

    /// <summary>A claim's answers: each counter-statement by someone other than the statement's speaker.</summary>
    private static IEnumerable<(PersonRef From, PersonRef To, string Role)> AnswersOf(ClaimView claim) =>
        claim.Statement.Speaker is { } to
            ? claim.CounterStatements.Where(a => a.Speaker is { } from && from.Id != to.Id).Select(a => (a.Speaker!, to, a.Role))
            : [];

    private static IEnumerable<(string From, string To, string Role)> Keys(ClaimView claim) =>
        AnswersOf(claim).Select(a => (a.From.Id, a.To.Id, a.Role));

    /// <summary>Counts one claim in (<paramref name="sign"/> +1) or out (-1).</summary>
    private void Count(ClaimView claim, int sign)
    {
        Bump(_ratings, claim.Verdict.Rating, sign);
        if (claim.Statement.Speaker is { } speaker)
        {
            Bump(_speakers, speaker, sign);
        }

        if (AnswersAsBefore)
        {
            return;
        }

        foreach (var (from, to, role) in AnswersOf(claim))
        {
            AnswerCount += sign;
            Bump(_answering, from, sign);
            Bump(_answering, to, sign);
            Bump(_answers, (from.Id, to.Id, role), sign);
        }
    }

    private static void Bump<TKey>(Dictionary<TKey, int> counts, TKey key, int sign)
        where TKey : notnull
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        count += sign;
        if (count == 0)
        {
            counts.Remove(key); // a key no claim has any more is gone, as from a tally made afresh
        }
    }

    private static void Bump(Dictionary<string, (PersonRef Person, int Count)> counts, PersonRef person, int sign)
    {
        // A tally is carried over only while only claims changed: the people are the same, any of a person's references will do.
        ref var counted = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, person.Id, out var known);
        counted = (known ? counted.Person : person, counted.Count + sign);
        if (counted.Count == 0)
        {
            counts.Remove(person.Id);
        }
    }
}
