using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Parity)]
public sealed class EvaluationReportTests
{
    [Fact]
    public void Should_Gather_All_Reference_Values_On_Fixture()
    {
        var fixture = MetricFixture.Load();

        var report = EvaluationReport.Compute(fixture.Truths, fixture.Predictions);

        var nb = fixture.Notebook;
        var mae = nb.GetProperty("mae_ms");
        Assert.Equal(50, report.SampleCount);
        Assert.Equal(nb.GetProperty("miou_pooled").GetDouble(), report.PooledMeanIou, MetricFixture.Tolerance);
        var perClass = MetricFixture.Doubles(nb.GetProperty("iou_pooled_per_class"));
        for (int c = 0; c < 4; c++) Assert.Equal(perClass[c], report.PooledIouPerClass[c], MetricFixture.Tolerance);
        Assert.Equal(fixture.TorchMetrics.GetProperty("mean_over_samples").GetDouble(), report.SampleMeanIou, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("PR").GetDouble(), report.MaePrMs, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("QRS").GetDouble(), report.MaeQrsMs, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("QT").GetDouble(), report.MaeQtMs, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("avg").GetDouble(), report.MaeAverageMs, MetricFixture.Tolerance);
        Assert.Equal(37, report.Boundaries150Ms.ToleranceSamples);
        Assert.Equal(10, report.Boundaries40Ms.ToleranceSamples);
        // A wider tolerance can only match more
        Assert.True(report.Boundaries150Ms.AverageF1 >= report.Boundaries40Ms.AverageF1);
        Assert.InRange(report.Boundaries40Ms.AverageF1, 0.1, 0.99);
    }

    [Fact]
    public void Should_Report_Distinct_Names_For_Pooled_Sample_And_Interval_Metrics()
    {
        var truth = LabelBuilder.Build(300, (10, 19, WaveLabels.P), (30, 39, WaveLabels.Qrs), (50, 69, WaveLabels.T));
        var report = EvaluationReport.Compute([truth], [truth]);

        var metrics = report.ToNamedMetrics();
        var byName = metrics.ToDictionary(m => m.Name, m => m.Value);

        Assert.Equal(metrics.Count, byName.Count);
        Assert.Equal(report.PooledMeanIou, byName["mIoU_pooled"]);
        Assert.Equal(report.SampleMeanIou, byName["mIoU_sample"]);
        Assert.Equal(report.MaeQtMs, byName["MAE_QT_ms"]);
        Assert.Equal(1.0, byName["QRS_onset_F1@150ms"]);
        Assert.Equal(1.0, byName["F1_avg@40ms"]);
        Assert.Equal(1.0, byName["mIoU_pooled"]);
    }

    [Fact]
    public void Should_Reject_Different_Numbers_Of_Truths_And_Predictions()
    {
        var e = Assert.Throws<ArgumentException>(() => EvaluationReport.Compute([new long[10]], []));

        Assert.Contains("1 truth samples but 0 predictions", e.Message);
    }
}
