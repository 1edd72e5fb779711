using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments.Reporting;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Report;

/// <summary>
/// The report's tables on the console: one per metric (best mean per column in bold), then the paired differences
/// against the baseline (significant ones in bold).
/// </summary>
public static class ReportTables
{
    public static void Print(ResultTable table, BaselineComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        AnsiConsole.MarkupLineInterpolated($"[bold]{table.Runs.Count} tested run(s)[/] · {table.Rows.Count} row(s) × {table.Columns.Count} column(s) · {MarkdownReport.SeedNote(table)}");
        AnsiConsole.MarkupLineInterpolated($"{ComparableRuns.Describe(table.Runs)}");
        foreach (var metric in MetricCatalog.Tables)
        {
            Write($"[bold]{Markup.Escape(metric.Title)}[/] ({metric.Direction})", table.Columns, table.Rows,
                (row, column) => (table.FormatCell(row, column, metric), table.Best(column, metric) == row));
        }
        if (comparison is null) return;
        foreach (var metric in MarkdownReport.ComparedMetrics)
        {
            Write($"[bold]{Markup.Escape(metric.Title)}: difference against {Markup.Escape(BenchmarkNames.AlgorithmTitle(comparison.Baseline))}[/]",
                table.Columns, comparison.Rows, (row, column) =>
                {
                    bool significant = comparison.IsSignificant(row, column, metric);
                    return (comparison.FormatCell(row, column, metric) + (significant ? " *" : ""), significant);
                });
        }
        AnsiConsole.MarkupLineInterpolated($"[grey]{comparison.Note}[/]");
    }

    /// <summary>Rows backbone × method, one column per dataset × ratio; a marked cell is shown in bold green.</summary>
    private static void Write(string title, IReadOnlyList<ResultColumn> columns, IEnumerable<ResultRow> rows,
        Func<ResultRow, ResultColumn, (string Text, bool Marked)> cell)
    {
        var grid = new Table().RoundedBorder().Title(title);
        grid.AddColumn("backbone");
        grid.AddColumn("method");
        foreach (var column in columns) grid.AddColumn(new TableColumn(Markup.Escape(column.Title)).RightAligned());
        foreach (var row in rows)
        {
            var cells = new List<string> { Markup.Escape(row.Backbone), Markup.Escape(row.AlgorithmTitle) };
            foreach (var column in columns)
            {
                var (text, marked) = cell(row, column);
                cells.Add(marked ? $"[bold green]{Markup.Escape(text)}[/]" : Markup.Escape(text));
            }
            grid.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(grid);
    }
}
