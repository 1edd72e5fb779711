using SemiSegEcg.Evaluation;
using SemiSegEcg.Experiments.Reporting;

namespace SemiSegEcg.Tests.Experiments.Reporting;

/// <summary>Paired differences against a baseline, checked against values computed by hand (t quantiles from tables).</summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class BaselineComparisonTests
{
    private static CollectedRun Run(string algorithm, int draw, double pooled, string backbone = "resnet18") =>
        new($"/runs/{backbone}/{algorithm}/ludb/1over16/draw{draw}/seed0", algorithm, backbone, "ludb", 16, 0, 480, 20, "LUDB_test.csv",
            new Dictionary<string, double> { ["mIoU_pooled"] = pooled }, draw);

    [Fact]
    public void Should_Give_The_Paired_t_Interval_Of_The_Mean_Difference()
    {
        // d = 0.03, 0.04, 0.02: mean 0.03, SD 0.01, t(0.975, 2) = 4.302653, half-width 4.302653 · 0.01 / √3 = 0.0248414
        var d = PairedDifference.Of([0.03, 0.04, 0.02])!;

        Assert.Equal(0.03, d.Mean, 12);
        Assert.Equal(0.01, d.StandardDeviation, 12);
        Assert.Equal(0.0051586229, d.Low, 9);
        Assert.Equal(0.0548413771, d.High, 9);
        Assert.True(d.IsSignificant);
    }

    [Fact]
    public void Should_Mark_Only_Intervals_That_Exclude_Zero_And_Give_None_For_One_Pair()
    {
        // d = 0.01, −0.02: t(0.975, 1) = 12.706205, half-width 12.706205 · 0.0212132 / √2 = 0.1905931
        var wide = PairedDifference.Of([0.01, -0.02])!;
        var single = PairedDifference.Of([0.05, double.NaN])!;

        Assert.Equal(-0.1955930710, wide.Low, 9);
        Assert.Equal(0.1855930710, wide.High, 9);
        Assert.False(wide.IsSignificant);
        Assert.Equal(1, single.Count);
        Assert.False(single.IsSignificant);
        Assert.Null(PairedDifference.Of([]));
        var constant = PairedDifference.Of([0.02, 0.02])!;
        Assert.True(double.IsNaN(constant.Low) && double.IsNaN(constant.High));
        Assert.False(constant.IsSignificant);
    }

    [Fact]
    public void Should_Pair_Each_Method_With_The_Step_Matched_Baseline_Of_Its_Backbone_By_Draw()
    {
        // Given: three draws of the baseline and FixMatch; Mean Teacher on draws 0 and 1, and a draw 3 with no baseline twin
        var table = ResultTable.Build(
        [
            Run("scratch_step_matched", 0, 0.60), Run("scratch_step_matched", 1, 0.62), Run("scratch_step_matched", 2, 0.64),
            Run("fixmatch", 0, 0.63), Run("fixmatch", 1, 0.66), Run("fixmatch", 2, 0.66),
            Run("mean_teacher", 0, 0.61), Run("mean_teacher", 1, 0.60), Run("mean_teacher", 3, 0.90),
            Run("fixmatch", 0, 0.70, backbone: "vit_tiny"),
        ]);
        var column = new ResultColumn("ludb", 16);

        // When
        var comparison = BaselineComparison.Build(table)!;

        // Then: ViT-Tiny has no baseline, so it is not compared; the cells read as computed by hand
        Assert.Equal(["fixmatch", "mean_teacher"], comparison.Rows.Select(r => r.Algorithm).Order(StringComparer.Ordinal));
        Assert.Equal("+3.0 [+0.5, +5.5] (n=3)", comparison.FormatCell(new ResultRow("resnet18", "fixmatch"), column, PooledIou.Metric));
        Assert.True(comparison.IsSignificant(new ResultRow("resnet18", "fixmatch"), column, PooledIou.Metric));
        Assert.False(comparison.IsSignificant(new ResultRow("resnet18", "mean_teacher"), column, PooledIou.Metric));
        Assert.Equal("−0.5 [−19.6, +18.6] (n=2)", comparison.FormatCell(new ResultRow("resnet18", "mean_teacher"), column, PooledIou.Metric));
        Assert.Equal("–", comparison.FormatCell(new ResultRow("resnet18", "fixmatch"), new ResultColumn("qtdb", 16), PooledIou.Metric));
        Assert.Null(BaselineComparison.Build(table, "cps"));
        Assert.Equal(["mean_teacher", "scratch_step_matched"], BaselineComparison.Build(table, "fixmatch")!.Rows.Select(r => r.Algorithm).Order(StringComparer.Ordinal));
    }
}
