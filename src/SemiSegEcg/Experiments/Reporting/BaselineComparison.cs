using System.Globalization;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// Every method of a table against one baseline method of the same backbone, cell by cell, paired by label draw and
/// seed (a run without its baseline twin is left out of the pairs). The default baseline is the step-matched
/// supervised run: it has as many optimizer steps as the semi-supervised methods, so a difference is the unlabeled
/// data's, not the budget's.
/// </summary>
public sealed class BaselineComparison
{
    public const string DefaultBaseline = "scratch_step_matched";

    private BaselineComparison(ResultTable table, string baseline, IReadOnlyList<ResultRow> rows)
    {
        Table = table;
        Baseline = baseline;
        Rows = rows;
    }

    public ResultTable Table { get; }

    /// <summary>The baseline's algorithm name (<c>scratch_step_matched</c>, <c>scratch</c>, …).</summary>
    public string Baseline { get; }

    /// <summary>Rows compared: every non-baseline row whose backbone has the baseline.</summary>
    public IReadOnlyList<ResultRow> Rows { get; }

    /// <returns>Null when no row of the table can be compared with <paramref name="baseline"/>.</returns>
    public static BaselineComparison? Build(ResultTable table, string baseline = DefaultBaseline)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(baseline);
        var backbones = table.Rows.Where(r => r.Algorithm == baseline).Select(r => r.Backbone).ToHashSet(StringComparer.Ordinal);
        var rows = table.Rows.Where(r => r.Algorithm != baseline && backbones.Contains(r.Backbone)).ToList();
        return rows.Count == 0 ? null : new BaselineComparison(table, baseline, rows);
    }

    /// <summary>The row minus its backbone's baseline in <paramref name="column"/>, over the (draw, seed) pairs both have.</summary>
    public PairedDifference? Difference(ResultRow row, ResultColumn column, MetricEntry metric)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(metric);
        var baseline = Table.RunsAt(new ResultRow(row.Backbone, Baseline), column).ToDictionary(r => (r.Draw, r.Seed));
        return PairedDifference.Of(Table.RunsAt(row, column)
            .Where(r => baseline.ContainsKey((r.Draw, r.Seed)))
            .Select(r => r.Metric(metric.Name) - baseline[(r.Draw, r.Seed)].Metric(metric.Name)));
    }

    /// <summary>True when the cell's interval excludes 0 (see <see cref="PairedDifference.IsSignificant"/>).</summary>
    public bool IsSignificant(ResultRow row, ResultColumn column, MetricEntry metric) =>
        Difference(row, column, metric) is { IsSignificant: true };

    /// <summary><c>+1.2 [−0.3, +2.7] (n=3)</c> scaled like the metric (no interval for fewer than two pairs or pairs that do not vary); <c>–</c> without pairs.</summary>
    public string FormatCell(ResultRow row, ResultColumn column, MetricEntry metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var d = Difference(row, column, metric);
        if (d is null) return "–";
        string Signed(double v) => (v * metric.Scale).ToString($"+{metric.Format};−{metric.Format};{metric.Format}", CultureInfo.InvariantCulture);
        string n = string.Create(CultureInfo.InvariantCulture, $"(n={d.Count})");
        return double.IsNaN(d.Low) ? $"{Signed(d.Mean)} {n}" : $"{Signed(d.Mean)} [{Signed(d.Low)}, {Signed(d.High)}] {n}";
    }

    /// <summary>How the differences were computed, for the report's text.</summary>
    public string Note => $"Differences against {BenchmarkNames.AlgorithmTitle(Baseline)} of the same backbone, paired by label draw and seed: "
        + "mean [95 % confidence interval] (n pairs), from a paired t-test (Student's t, n − 1 degrees of freedom); "
        + "bold with * marks an interval that excludes 0. No interval is given for fewer than two pairs, or for pairs whose "
        + "differences are all equal (no spread to estimate).";
}
