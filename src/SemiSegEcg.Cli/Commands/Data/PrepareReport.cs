using System.Globalization;
using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Data;

/// <summary>The summary table printed after <c>data prepare</c>: counts per split and per class, and what was dropped.</summary>
public static class PrepareReport
{
    private const int ShownDropped = 12;

    public static void Print(PrepareSummary summary)
    {
        bool anyIgnored = summary.Splits.Any(s => s.IgnoredSamples > 0);
        var table = new Table().Title($"{summary.Database} (seed {summary.Seed})").RoundedBorder();
        table.AddColumn("split");
        table.AddColumn(new TableColumn("samples").RightAligned());
        table.AddColumn(new TableColumn("subjects").RightAligned());
        table.AddColumn(new TableColumn("waves P / QRS / T").RightAligned());
        table.AddColumn(new TableColumn("time % bg / P / QRS / T").RightAligned());
        if (anyIgnored) table.AddColumn(new TableColumn("% ignored").RightAligned());

        foreach (var s in summary.Splits)
        {
            double total = s.ClassSamples.Sum() + s.IgnoredSamples;
            string Pct(long v) => total == 0 ? "–" : (100.0 * v / total).ToString("0.0", CultureInfo.InvariantCulture);
            var cells = new List<string>
            {
                s.Split,
                s.Samples.ToString(CultureInfo.InvariantCulture),
                s.Subjects.ToString(CultureInfo.InvariantCulture),
                string.Join(" / ", s.ClassWaves.Skip(1).Select(w => w.ToString(CultureInfo.InvariantCulture))),
                string.Join(" / ", s.ClassSamples.Select(Pct)),
            };
            if (anyIgnored) cells.Add(Pct(s.IgnoredSamples));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);

        if (summary.Dropped.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{summary.Dropped.Count} item(s) left out[/] (reasons in {Path.Combine(summary.OutputRoot, "summary.json")}):");
            foreach (var d in summary.Dropped.Take(ShownDropped))
                AnsiConsole.MarkupLineInterpolated($"  {d.Item}: {FirstClause(d.Reason)}");
            if (summary.Dropped.Count > ShownDropped)
                AnsiConsole.MarkupLineInterpolated($"  … and {summary.Dropped.Count - ShownDropped} more");
        }
    }

    private static string FirstClause(string reason) => reason.Split("; ")[0];
}
