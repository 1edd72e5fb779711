using System.Globalization;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// The runs arranged as the paper's tables: rows backbone × method (methods in benchmark order), columns dataset ×
/// labeled ratio (1/16 … 1/2), each cell the mean ± sample SD over its seeds.
/// </summary>
public sealed class ResultTable
{
    private readonly Dictionary<(ResultRow, ResultColumn), List<CollectedRun>> _cells;

    private ResultTable(IReadOnlyList<CollectedRun> runs, IReadOnlyList<ResultRow> rows, IReadOnlyList<ResultColumn> columns,
        Dictionary<(ResultRow, ResultColumn), List<CollectedRun>> cells)
    {
        Runs = runs;
        Rows = rows;
        Columns = columns;
        _cells = cells;
        TypicalSeedCount = cells.Count == 0 ? 0 : cells.Values.GroupBy(c => c.Count).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
    }

    public IReadOnlyList<CollectedRun> Runs { get; }

    public IReadOnlyList<ResultRow> Rows { get; }

    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The most common number of runs in a cell; cells with another count show their n.</summary>
    public int TypicalSeedCount { get; }

    /// <summary>Datasets in benchmark order.</summary>
    public IReadOnlyList<string> Datasets => Columns.Select(c => c.Dataset).Distinct().ToList();

    public static ResultTable Build(IReadOnlyList<CollectedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = runs.Select(r => new ResultRow(r.Backbone, r.Algorithm)).Distinct()
            .OrderBy(r => r.Backbone, StringComparer.Ordinal).ThenBy(r => BenchmarkNames.AlgorithmKey(r.Algorithm)).ToList();
        var columns = runs.Select(r => new ResultColumn(r.Dataset, r.Ratio)).Distinct()
            .OrderBy(c => BenchmarkNames.DatasetKey(c.Dataset)).ThenBy(c => c.Ratio is null).ThenByDescending(c => c.Ratio).ToList();
        var cells = new Dictionary<(ResultRow, ResultColumn), List<CollectedRun>>();
        foreach (var run in runs)
        {
            var key = (new ResultRow(run.Backbone, run.Algorithm), new ResultColumn(run.Dataset, run.Ratio));
            if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
            list.Add(run);
        }
        foreach (var list in cells.Values) list.Sort((a, b) => a.Seed.CompareTo(b.Seed));
        return new ResultTable(runs, rows, columns, cells);
    }

    /// <summary>The runs (seeds) of a cell, by seed.</summary>
    public IReadOnlyList<CollectedRun> RunsAt(ResultRow row, ResultColumn column) =>
        _cells.TryGetValue((row, column), out var list) ? list : [];

    /// <returns>Null for an empty cell or one without a finite value.</returns>
    public MetricAggregate? Aggregate(ResultRow row, ResultColumn column, MetricEntry metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return MetricAggregate.Of(RunsAt(row, column).Select(r => r.Metric(metric.Name)));
    }

    /// <summary>The row with the best mean in a column, when at least two rows have a value there.</summary>
    public ResultRow? Best(ResultColumn column, MetricEntry metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var scored = Rows.Select(r => (Row: r, Aggregate: Aggregate(r, column, metric))).Where(x => x.Aggregate is not null).ToList();
        if (scored.Count < 2) return null;
        return (metric.HigherIsBetter ? scored.MaxBy(x => x.Aggregate!.Mean) : scored.MinBy(x => x.Aggregate!.Mean)).Row;
    }

    /// <summary><c>72.3 ± 1.2</c> (scaled), <c>72.3</c> for one run, <c>(n=1)</c> appended when n differs from <see cref="TypicalSeedCount"/>, <c>–</c> when empty.</summary>
    public string FormatCell(ResultRow row, ResultColumn column, MetricEntry metric)
    {
        var aggregate = Aggregate(row, column, metric);
        if (aggregate is null) return "–";
        string text = (aggregate.Mean * metric.Scale).ToString(metric.Format, CultureInfo.InvariantCulture);
        if (aggregate.Count > 1) text += " ± " + (aggregate.StandardDeviation * metric.Scale).ToString(metric.Format, CultureInfo.InvariantCulture);
        if (aggregate.Count != TypicalSeedCount) text += string.Create(CultureInfo.InvariantCulture, $" (n={aggregate.Count})");
        return text;
    }
}
