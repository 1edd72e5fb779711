using SemiSegEcg.Experiments.Reporting;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Report;

/// <summary>The report's tables on the console: one per metric, best mean per column in bold.</summary>
public static class ReportTables
{
    public static void Print(ResultTable table, BaselineComparison? comparison = null)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{table.Runs.Count} tested run(s)[/] · {table.Rows.Count} row(s) × {table.Columns.Count} column(s) · {MarkdownReport.SeedNote(table)}");
        AnsiConsole.MarkupLineInterpolated($"{ComparableRuns.Describe(table.Runs)}");
        foreach (var metric in ReportMetric.Tables)
        {
            var grid = new Table().RoundedBorder().Title($"[bold]{Markup.Escape(metric.Title)}[/] ({metric.Direction})");
            grid.AddColumn("backbone");
            grid.AddColumn("method");
            foreach (var column in table.Columns) grid.AddColumn(new TableColumn(Markup.Escape(column.Title)).RightAligned());
            foreach (var row in table.Rows)
            {
                var cells = new List<string> { Markup.Escape(row.Backbone), Markup.Escape(row.AlgorithmTitle) };
                foreach (var column in table.Columns)
                {
                    string cell = Markup.Escape(table.FormatCell(row, column, metric));
                    cells.Add(table.Best(column, metric) == row ? $"[bold green]{cell}[/]" : cell);
                }
                grid.AddRow(cells.ToArray());
            }
            AnsiConsole.Write(grid);
        }
        if (comparison is not null) PrintComparison(comparison);
    }

    private static void PrintComparison(BaselineComparison comparison)
    {
        var table = comparison.Table;
        foreach (var metric in MarkdownReport.ComparedMetrics)
        {
            var grid = new Table().RoundedBorder().Title($"[bold]{Markup.Escape(metric.Title)}: difference against {Markup.Escape(BenchmarkNames.AlgorithmTitle(comparison.Baseline))}[/]");
            grid.AddColumn("backbone");
            grid.AddColumn("method");
            foreach (var column in table.Columns) grid.AddColumn(new TableColumn(Markup.Escape(column.Title)).RightAligned());
            foreach (var row in comparison.Rows)
            {
                var cells = new List<string> { Markup.Escape(row.Backbone), Markup.Escape(row.AlgorithmTitle) };
                foreach (var column in table.Columns)
                {
                    string cell = Markup.Escape(comparison.FormatCell(row, column, metric));
                    cells.Add(cell.EndsWith('*') ? $"[bold green]{cell}[/]" : cell);
                }
                grid.AddRow(cells.ToArray());
            }
            AnsiConsole.Write(grid);
        }
        AnsiConsole.MarkupLineInterpolated($"[grey]{comparison.Note}[/]");
    }
}
