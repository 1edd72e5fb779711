using System.Globalization;
using SemiSegEcg.Data.Prepare;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Data;

/// <summary>The table printed after <c>data merge</c>: samples per merged index and per database.</summary>
public static class MergeReport
{
    public static void Print(MergeSummary summary)
    {
        var table = new Table().Title($"merged setting (labeled {(summary.Ratio == 1 ? "full training sets" : $"1/{summary.Ratio}")})").RoundedBorder();
        table.AddColumn("split");
        foreach (var db in summary.Databases) table.AddColumn(new TableColumn(Markup.Escape(db.Prefix)).RightAligned());
        table.AddColumn(new TableColumn("samples").RightAligned());
        table.AddColumn(new TableColumn("subjects").RightAligned());
        table.AddColumn(new TableColumn("index").NoWrap());
        foreach (var split in summary.Splits)
        {
            var cells = new List<string> { split.Split };
            cells.AddRange(summary.Databases.Select(db =>
                split.SamplesPerDatabase.TryGetValue(db.Prefix, out int n) ? n.ToString(CultureInfo.InvariantCulture) : "–"));
            cells.Add(split.Samples.ToString(CultureInfo.InvariantCulture));
            cells.Add(split.Subjects.ToString(CultureInfo.InvariantCulture));
            cells.Add(Path.GetFileName(split.IndexFile));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
        foreach (var db in summary.Databases.Where(d => Path.IsPathRooted(d.PathPrefix)))
            AnsiConsole.MarkupLineInterpolated($"[yellow]note:[/] {db.Root} is not under {summary.DataRoot}; its entries use absolute paths");
    }
}
