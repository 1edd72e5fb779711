using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Training;

namespace SemiSegEcg.Tests.Evaluation;

/// <summary>The metric catalog is the one list of metrics: the report's columns are values a test run computes, and the checkpoints are its validation metrics.</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class MetricCatalogTests
{
    [Fact]
    public void Should_Keep_The_Reports_Column_And_Table_Order()
    {
        Assert.Equal(["mIoU_pooled", "mIoU_sample", "MAE_avg_ms", "F1_avg@150ms", "MAE_PR_ms", "MAE_QRS_ms", "MAE_QT_ms", "F1_avg@40ms"],
            MetricCatalog.Reported.Select(m => m.Name));
        Assert.Equal(["mIoU_pooled", "mIoU_sample", "MAE_avg_ms", "F1_avg@150ms"], MetricCatalog.Tables.Select(m => m.Name));
        Assert.Equal(MetricCatalog.Reported.Count, MetricCatalog.Reported.Select(m => m.Title).Distinct().Count());
    }

    [Fact]
    public void Should_Report_Only_Metrics_That_A_Test_Evaluation_Computes_With_Their_Values()
    {
        var truth = LabelBuilder.Build(2500, (100, 150, WaveLabels.P), (200, 240, WaveLabels.Qrs), (400, 550, WaveLabels.T),
            (900, 950, WaveLabels.P), (1000, 1040, WaveLabels.Qrs), (1200, 1350, WaveLabels.T));
        var prediction = LabelBuilder.Build(2500, (104, 150, WaveLabels.P), (200, 236, WaveLabels.Qrs), (410, 560, WaveLabels.T),
            (900, 950, WaveLabels.P), (1002, 1040, WaveLabels.Qrs), (1200, 1330, WaveLabels.T));
        var report = EvaluationReport.Compute([truth], [prediction]);

        var computed = report.ToNamedMetrics().ToDictionary(m => m.Name, m => m.Value);

        Assert.All(MetricCatalog.Reported, m => Assert.True(computed.ContainsKey(m.Name), m.Name));
        Assert.Equal(report.PooledMeanIou, computed[PooledIou.Metric.Name]);
        Assert.Equal(report.SampleMeanIou, computed[SampleMeanIou.Metric.Name]);
        Assert.Equal(report.MaeAverageMs, computed[IntervalErrors.AverageMetric.Name]);
        Assert.Equal(report.Boundaries150Ms.AverageF1, computed[BoundaryMetrics.WideAverageF1.Name]);
        Assert.Equal(report.Boundaries40Ms.AverageF1, computed[BoundaryMetrics.NarrowAverageF1.Name]);
    }

    [Fact]
    public void Should_Keep_A_Best_Checkpoint_Per_Validation_Metric_And_Test_The_MeanIoU_One_By_Default()
    {
        Assert.Equal(["MeanIoU", "loss"], MetricCatalog.Checkpointed.Select(m => m.Name));
        Assert.Equal(("best-MeanIoU", "best-loss"), (RunDirectory.BestMeanIou, RunDirectory.BestLoss));
        Assert.Equal(MetricCatalog.ValidationMeanIou.Name, new SemiSegEcg.Config.TestConfig().TargetMetric);
        Assert.Equal([MetricCatalog.ValidationMeanIou.Name], new SemiSegEcg.Config.MetricConfig().TargetMetrics);
    }
}
