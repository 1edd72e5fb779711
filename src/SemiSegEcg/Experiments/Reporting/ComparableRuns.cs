using System.Globalization;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// Keeps a report to runs that can share a table: one training budget for all, and per dataset one test set (same
/// index file, same number of samples). Early stopping is part of the budget. A mix is refused with what differs and how to choose, never averaged: a
/// 16-sample smoke run beside a 480-sample benchmark run, or 20 beside 100 epochs, would make a cell meaningless.
/// </summary>
public static class ComparableRuns
{
    /// <param name="epochs">Keep only runs trained for this many epochs (<c>report --epochs</c>).</param>
    /// <param name="testSamples">Keep only runs tested on this many samples (<c>report --test-samples</c>).</param>
    /// <exception cref="InvalidDataException">The runs left still mix budgets or test sets, or none is left.</exception>
    public static IReadOnlyList<CollectedRun> Select(IReadOnlyList<CollectedRun> runs, int? epochs = null, int? testSamples = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var kept = runs.Where(r => (epochs is null || r.Epochs == epochs) && (testSamples is null || r.SampleCount == testSamples)).ToList();
        if (kept.Count == 0)
            throw new InvalidDataException($"no run matches{(epochs is null ? "" : $" --epochs {epochs}")}{(testSamples is null ? "" : $" --test-samples {testSamples}")}; the runs have {Describe(runs, Budget)} and {Describe(runs, TestSet)}");

        var budgets = kept.GroupBy(Budget).ToList();
        if (budgets.Count > 1)
            throw new InvalidDataException($"the runs differ in training budget: {Describe(kept, Budget)}; choose one with --epochs N (or report each folder on its own)");
        foreach (var dataset in kept.GroupBy(r => r.Dataset))
        {
            if (dataset.Select(TestSet).Distinct().Count() > 1)
                throw new InvalidDataException($"the {BenchmarkNames.DatasetTitle(dataset.Key)} runs differ in test set: {Describe(dataset, TestSet)}; choose one with --test-samples N");
        }
        return kept;
    }

    /// <summary>The shared budget and test sets, for a report's header: "20 epochs; test sets: LUDB 480 samples".</summary>
    public static string Describe(IReadOnlyList<CollectedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) return "";
        var tests = runs.GroupBy(r => r.Dataset).OrderBy(g => BenchmarkNames.DatasetKey(g.Key))
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{BenchmarkNames.DatasetTitle(g.Key)} {g.First().SampleCount} samples"));
        return string.Create(CultureInfo.InvariantCulture, $"Budget: {Budget(runs[0])}; test sets: {string.Join(", ", tests)}.");
    }

    private static string Budget(CollectedRun run) => run.EarlyStopPatience is int patience
        ? string.Create(CultureInfo.InvariantCulture, $"{run.Epochs} epochs, early stop after {patience} without a better valid MeanIoU")
        : string.Create(CultureInfo.InvariantCulture, $"{run.Epochs} epochs");

    private static string TestSet(CollectedRun run) => string.Create(CultureInfo.InvariantCulture, $"{run.SampleCount} samples of {(run.TestIndex.Length > 0 ? run.TestIndex : "an unnamed index")}");

    private static string Describe(IEnumerable<CollectedRun> runs, Func<CollectedRun, string> key) =>
        string.Join(", ", runs.GroupBy(key).OrderByDescending(g => g.Count()).Select(g =>
        {
            var examples = g.Take(2).Select(r => r.Directory).ToList();
            string more = g.Count() > examples.Count ? ", …" : "";
            return string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count()} run(s): {string.Join(", ", examples)}{more})");
        }));
}
