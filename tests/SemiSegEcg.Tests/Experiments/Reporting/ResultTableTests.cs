using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments.Reporting;

namespace SemiSegEcg.Tests.Experiments.Reporting;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ResultTableTests
{
    internal static CollectedRun Run(string algorithm, string backbone, string dataset, int? ratio, int seed, double pooled,
        double mae = 20, double f1 = 0.9) =>
        new($"/runs/{backbone}/{algorithm}/{dataset}/{ratio}/seed{seed}", algorithm, backbone, dataset, ratio, seed, 10, 100, "LUDB_test.csv",
            new Dictionary<string, double> { ["mIoU_pooled"] = pooled, ["mIoU_sample"] = pooled - 0.01, ["MAE_avg_ms"] = mae, ["F1_avg@150ms"] = f1 });

    [Fact]
    public void Should_Order_Rows_By_Backbone_Then_Benchmark_Method_Order_And_Columns_By_Dataset_Then_Ratio()
    {
        // Given: runs in scrambled order
        var runs = new[]
        {
            Run("unimatch", "vit_tiny", "qtdb", 2, 0, 0.7), Run("fixmatch", "resnet18", "ludb", 2, 0, 0.7),
            Run("scratch", "resnet18", "merged", null, 0, 0.7), Run("stpp", "resnet18+UNet", "ludb", 16, 0, 0.7),
            Run("scratch", "vit_tiny", "ludb", 16, 0, 0.7), Run("mean_teacher", "resnet18", "ludb", 8, 0, 0.7),
            Run("scratch", "resnet18", "ludb", 16, 0, 0.7),
        };

        // When
        var table = ResultTable.Build(runs);

        // Then
        Assert.Equal(["resnet18 Supervised", "resnet18 Mean Teacher", "resnet18 FixMatch", "resnet18+UNet ST++", "vit_tiny Supervised", "vit_tiny UniMatch"],
            table.Rows.Select(r => $"{r.Backbone} {r.AlgorithmTitle}"));
        Assert.Equal(["LUDB 1/16", "LUDB 1/8", "LUDB 1/2", "QTDB 1/2", "Cross-domain all"], table.Columns.Select(c => c.Title));
    }

    [Fact]
    public void Should_Aggregate_Seeds_As_Mean_And_Sample_Standard_Deviation()
    {
        // Given: three seeds of one cell (one without an interval MAE) and a single run in another
        var runs = new[]
        {
            Run("scratch", "resnet18", "ludb", 16, 0, 0.60, mae: 10), Run("scratch", "resnet18", "ludb", 16, 1, 0.70, mae: double.NaN),
            Run("scratch", "resnet18", "ludb", 16, 2, 0.80, mae: 30), Run("fixmatch", "resnet18", "ludb", 16, 0, 0.75, mae: 15),
            Run("scratch", "resnet18", "ludb", 8, 0, 0.9), Run("scratch", "resnet18", "ludb", 8, 1, 0.9), Run("scratch", "resnet18", "ludb", 8, 2, 0.9),
        };
        var table = ResultTable.Build(runs);
        var scratch = new ResultRow("resnet18", "scratch");
        var fixmatch = new ResultRow("resnet18", "fixmatch");
        var sixteenth = new ResultColumn("ludb", 16);
        var pooled = PooledIou.Metric;
        var mae = MetricCatalog.Reported.Single(m => m.Name == "MAE_avg_ms");

        // When
        var miou = table.Aggregate(scratch, sixteenth, pooled)!;
        var interval = table.Aggregate(scratch, sixteenth, mae)!;

        // Then: SD of 0.6, 0.7, 0.8 with n − 1 is 0.1; the NaN MAE is left out
        Assert.Equal((0.70, 0.10, 3), (Math.Round(miou.Mean, 12), Math.Round(miou.StandardDeviation, 12), miou.Count));
        Assert.Equal((20.0, Math.Sqrt(200), 2), (interval.Mean, interval.StandardDeviation, interval.Count));
        Assert.Equal(3, table.TypicalSeedCount);
        Assert.Equal("70.0 ± 10.0", table.FormatCell(scratch, sixteenth, pooled));
        Assert.Equal("20.0 ± 14.1 (n=2)", table.FormatCell(scratch, sixteenth, mae));
        Assert.Equal("75.0 (n=1)", table.FormatCell(fixmatch, sixteenth, pooled));
        Assert.Equal("–", table.FormatCell(fixmatch, new ResultColumn("ludb", 8), pooled));
        Assert.Equal(fixmatch, table.Best(sixteenth, pooled));
        Assert.Null(table.Best(new ResultColumn("ludb", 8), pooled));
        Assert.Equal(fixmatch, table.Best(sixteenth, mae));
    }

    [Fact]
    public void Should_Give_No_Aggregate_For_A_Cell_Without_Finite_Values()
    {
        Assert.Null(MetricAggregate.Of([double.NaN, double.PositiveInfinity]));
        Assert.True(double.IsNaN(MetricAggregate.Of([0.5])!.StandardDeviation));
    }
}
