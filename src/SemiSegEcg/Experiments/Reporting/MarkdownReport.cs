using System.Globalization;
using System.Text;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// report.md: one table per metric (rows backbone × method, columns dataset × ratio, best mean per column in bold),
/// then the mIoU-vs-ratio plots.
/// </summary>
public static class MarkdownReport
{
    /// <param name="plotFiles">PNG file names (relative to the report) to embed, one per dataset.</param>
    /// <param name="comparison">Paired differences against a baseline, rendered after the tables (pooled and per-sample mIoU).</param>
    public static string Render(ResultTable table, string runRoot, IReadOnlyList<string> plotFiles, BaselineComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plotFiles);
        var s = new StringBuilder();
        s.Append("# SemiSegECG benchmark report\n\n");
        s.Append(CultureInfo.InvariantCulture, $"{table.Runs.Count} tested run(s) under `{runRoot}`: {table.Rows.Count} method × backbone row(s), ")
            .Append(CultureInfo.InvariantCulture, $"{table.Columns.Count} dataset × ratio column(s). {SeedNote(table)}\n")
            .Append(ComparableRuns.Describe(table.Runs)).Append('\n');
        s.Append("Best mean per column in bold. Per-run values and every aggregate: `report.csv`.\n");
        s.Append(RenderTables(table, comparison, headingLevel: 2));
        if (plotFiles.Count > 0)
        {
            s.Append("\n## Pooled mIoU against the labeled fraction\n\n");
            foreach (string plot in plotFiles) s.Append(CultureInfo.InvariantCulture, $"![{plot}]({plot})\n\n");
        }
        return s.ToString();
    }

    /// <summary>
    /// The metric tables, the paired differences and the metric legend: the part of the report that RESULTS.md embeds,
    /// with headings at <paramref name="headingLevel"/>.
    /// </summary>
    public static string RenderTables(ResultTable table, BaselineComparison? comparison, int headingLevel)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(headingLevel, 1);
        var s = new StringBuilder();
        string hashes = new('#', headingLevel);
        foreach (var metric in MetricCatalog.Tables)
        {
            AppendTable(s, hashes, $"{metric.Title}, {metric.Direction}", table.Columns, table.Rows, (row, column) =>
            {
                string cell = Escape(table.FormatCell(row, column, metric));
                return table.Best(column, metric) == row ? $"**{cell}**" : cell;
            });
        }
        if (comparison is not null) AppendComparison(s, hashes, comparison);
        s.Append("\nPooled mIoU: IoU over all test samples and time steps together (the paper's metric); per-sample mIoU: the mean of ")
            .Append("each test sample's IoU (the validation metric); interval MAE: mean absolute PR, QRS and QT errors against the truth; ")
            .Append("boundary F1: P/QRS/T onsets and offsets matched within 150 ms, averaged over the six.\n");
        return s.ToString();
    }

    /// <summary>The metrics whose paired differences the report shows.</summary>
    public static IReadOnlyList<MetricEntry> ComparedMetrics { get; } = MetricCatalog.Tables.Take(2).ToList();

    private static void AppendComparison(StringBuilder s, string hashes, BaselineComparison comparison)
    {
        foreach (var metric in ComparedMetrics)
        {
            AppendTable(s, hashes, $"{metric.Title}: difference against {BenchmarkNames.AlgorithmTitle(comparison.Baseline)}", comparison.Table.Columns,
                comparison.Rows, (row, column) =>
                {
                    string cell = Escape(comparison.FormatCell(row, column, metric));
                    return comparison.IsSignificant(row, column, metric) ? $"**{cell}** \\*" : cell;
                });
        }
        s.Append('\n').Append(comparison.Note).Append('\n');
    }

    /// <summary>A section: heading, then rows backbone × method and one column per dataset × ratio, cells as given (escaped, marked).</summary>
    private static void AppendTable(StringBuilder s, string hashes, string heading, IReadOnlyList<ResultColumn> columns, IEnumerable<ResultRow> rows,
        Func<ResultRow, ResultColumn, string> cell)
    {
        s.Append(CultureInfo.InvariantCulture, $"\n{hashes} {heading}\n\n");
        s.Append("| Backbone | Method |");
        foreach (var c in columns) s.Append(' ').Append(Escape(c.Title)).Append(" |");
        s.Append("\n|---|---|");
        foreach (var _ in columns) s.Append("---:|");
        s.Append('\n');
        foreach (var row in rows)
        {
            s.Append("| ").Append(Escape(row.Backbone)).Append(" | ").Append(Escape(row.AlgorithmTitle)).Append(" |");
            foreach (var column in columns) s.Append(' ').Append(cell(row, column)).Append(" |");
            s.Append('\n');
        }
    }

    /// <summary>"Cells: mean ± SD over 3 seeds." or "One run per cell." for the header.</summary>
    public static string SeedNote(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.TypicalSeedCount > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Cells: mean ± SD (sample) over {table.TypicalSeedCount} runs (label draws × seeds); other counts are marked (n=…).")
            : "One run per cell; cells with more runs show mean ± SD (sample) and their (n=…).";
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
