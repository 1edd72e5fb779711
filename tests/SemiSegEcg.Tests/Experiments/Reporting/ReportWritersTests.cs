using System.Globalization;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments.Reporting;

namespace SemiSegEcg.Tests.Experiments.Reporting;

/// <summary><see cref="MarkdownReport"/>, <see cref="CsvReport"/> and <see cref="RatioPlot"/> on a small known table.</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ReportWritersTests
{
    private static readonly ResultTable Table = ResultTable.Build(
    [
        ResultTableTests.Run("scratch", "resnet18", "ludb", 16, 0, 0.60), ResultTableTests.Run("scratch", "resnet18", "ludb", 16, 1, 0.70),
        ResultTableTests.Run("fixmatch", "resnet18", "ludb", 16, 0, 0.70), ResultTableTests.Run("fixmatch", "resnet18", "ludb", 16, 1, 0.80),
        ResultTableTests.Run("scratch", "resnet18", "ludb", 2, 0, 0.80), ResultTableTests.Run("scratch", "resnet18", "ludb", 2, 1, 0.84),
        ResultTableTests.Run("fixmatch", "resnet18", "ludb", 2, 0, 0.85), ResultTableTests.Run("fixmatch", "resnet18", "ludb", 2, 1, 0.85),
        ResultTableTests.Run("scratch", "resnet18", "merged", null, 0, 0.5), ResultTableTests.Run("scratch", "resnet18", "merged", null, 1, 0.5),
    ]);

    [Fact]
    public void Should_Write_One_Markdown_Table_Per_Metric_With_The_Best_Mean_In_Bold()
    {
        string md = MarkdownReport.Render(Table, "runs/sweep", ["ratio_ludb.png"]);

        Assert.Contains("over 2 runs (label draws × seeds)", md, StringComparison.Ordinal);
        Assert.Equal(MetricCatalog.Tables.Count, md.Split('\n').Count(l => l.StartsWith("| Backbone | Method |", StringComparison.Ordinal)));
        Assert.Contains("| Backbone | Method | LUDB 1/16 | LUDB 1/2 | Cross-domain all |", md, StringComparison.Ordinal);
        Assert.Contains("| resnet18 | Supervised | 65.0 ± 7.1 | 82.0 ± 2.8 | 50.0 ± 0.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| resnet18 | FixMatch | **75.0 ± 7.1** | **85.0 ± 0.0** | – |", md, StringComparison.Ordinal);
        Assert.Contains("![ratio_ludb.png](ratio_ludb.png)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Write_A_Csv_Row_Per_Run_And_Per_Cell_With_Raw_Values()
    {
        var lines = CsvReport.Render(Table).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        string Col(string[] row, string name) => row[Array.IndexOf(header, name)];

        Assert.Equal(10 + 2 * MetricCatalog.Reported.Count, header.Length);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.Equal(10, rows.Count(r => r[0] == "run"));
        Assert.Equal(5, rows.Count(r => r[0] == "mean"));
        var mean = rows.Single(r => r[0] == "mean" && Col(r, "algorithm") == "scratch" && Col(r, "ratio") == "16");
        Assert.Equal("2", Col(mean, "n"));
        Assert.Equal(0.65, double.Parse(Col(mean, "mIoU_pooled"), CultureInfo.InvariantCulture), 12);
        Assert.Equal(Math.Sqrt(0.005), double.Parse(Col(mean, "mIoU_pooled_sd"), CultureInfo.InvariantCulture), 12);
        Assert.Equal("NaN", Col(mean, "MAE_QT_ms"));
        Assert.Contains(rows, r => r[0] == "run" && Col(r, "dataset") == "merged" && Col(r, "ratio") == "all" && Col(r, "seed") == "1");
        Assert.All(rows.Where(r => r[0] == "run"), r => Assert.Equal(("0", "100"), (Col(r, "draw"), Col(r, "epochs"))));
    }

    [Fact]
    public void Should_Plot_Only_Datasets_With_Labeled_Fractions_As_A_Png()
    {
        byte[] png = RatioPlot.Render(Table, "ludb");

        Assert.Equal(["ludb"], RatioPlot.PlottableDatasets(Table));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        Assert.Equal(RatioPlot.WidthPx, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(RatioPlot.HeightPx, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Throws<ArgumentException>(() => RatioPlot.Render(Table, "merged"));
    }
}
