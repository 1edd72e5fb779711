using System.Globalization;
using SemiSegEcg.Randomness;

namespace SemiSegEcg.Data.Prepare;

/// <summary>
/// Subject-wise train/valid/test split with nested labeled subsets. Subjects are sorted before shuffling so the
/// result depends only on the set of subjects and the seed, on any machine.
/// </summary>
public static class SubjectSplitter
{
    public static readonly int[] DefaultRatios = [2, 4, 8, 16];

    /// <param name="trainFraction">Share of subjects for training (0.6 → 60/20/20).</param>
    /// <param name="validFraction">Share for validation; the rest is test.</param>
    public static SubjectSplit Split(IEnumerable<string> subjects, long seed,
        double trainFraction = 0.6, double validFraction = 0.2, IReadOnlyList<int>? ratios = null)
    {
        var sorted = SortSubjects(subjects);
        var order = new SeededRandom(seed).Permutation(sorted.Count);
        int trainCount = (int)Math.Round(sorted.Count * trainFraction, MidpointRounding.AwayFromZero);
        int validCount = (int)Math.Round(sorted.Count * validFraction, MidpointRounding.AwayFromZero);
        if (trainCount + validCount > sorted.Count) validCount = sorted.Count - trainCount;
        var shuffled = order.Select(i => sorted[i]).ToList();
        return Build(shuffled[..trainCount], shuffled[trainCount..(trainCount + validCount)],
            shuffled[(trainCount + validCount)..], seed, ratios);
    }

    /// <summary>Keeps a database's own test subjects (ISP) and splits the rest train:valid by <paramref name="trainShare"/>.</summary>
    public static SubjectSplit SplitWithFixedTest(IEnumerable<string> subjects, IReadOnlyCollection<string> testSubjects,
        long seed, double trainShare = 0.75, IReadOnlyList<int>? ratios = null)
    {
        var testSet = testSubjects.ToHashSet(StringComparer.Ordinal);
        var rest = SortSubjects(subjects.Where(s => !testSet.Contains(s)));
        var order = new SeededRandom(seed).Permutation(rest.Count);
        int trainCount = (int)Math.Round(rest.Count * trainShare, MidpointRounding.AwayFromZero);
        var shuffled = order.Select(i => rest[i]).ToList();
        return Build(shuffled[..trainCount], shuffled[trainCount..], SortSubjects(testSet), seed, ratios);
    }

    /// <summary>
    /// Another independent draw of the nested labeled subsets of the same training subjects, for measuring how much
    /// the choice of labeled subjects moves a result. Draw 0 is <see cref="SubjectSplit.LabeledSubjects"/> itself.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> LabeledDraw(SubjectSplit split, long seed, int draw)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        if (draw == 0) return split.LabeledSubjects;
        // Draw k has a stream of its own, keyed by k, from the sorted training subjects: it depends only on the
        // subject set, the seed and k, so adding draws never changes earlier ones.
        var train = SortSubjects(split.Train);
        return Nested(train, SeededRandom.Derive(seed, 1, draw), split.LabeledSubjects.Keys.ToList());
    }

    private static SubjectSplit Build(List<string> train, List<string> valid, List<string> test, long seed,
        IReadOnlyList<int>? ratios)
    {
        var labeled = Nested(train, SeededRandom.Derive(seed, 1), ratios ?? DefaultRatios);
        return new SubjectSplit(SortSubjects(train), SortSubjects(valid), SortSubjects(test), labeled);
    }

    /// <summary>The labeled subsets as prefixes of one permutation from their own stream, hence nested.</summary>
    private static SortedDictionary<int, IReadOnlyList<string>> Nested(List<string> train, SeededRandom random,
        IReadOnlyList<int> ratios)
    {
        var labeledOrder = random.Permutation(train.Count).Select(i => train[i]).ToList();
        var labeled = new SortedDictionary<int, IReadOnlyList<string>>();
        foreach (int n in ratios)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(ratios), $"labeled ratio 1/{n} is invalid");
            int count = Math.Max(1, train.Count / n);
            labeled[n] = SortSubjects(labeledOrder.Take(count));
        }
        return labeled;
    }

    /// <summary>Numeric IDs in numeric order, others ordinally, so "2" precedes "10".</summary>
    public static List<string> SortSubjects(IEnumerable<string> subjects) =>
        subjects.Distinct(StringComparer.Ordinal)
            .OrderBy(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : long.MaxValue)
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();
}
