using SemiSegEcg.Evaluation;
using static SemiSegEcg.Data.WaveLabels;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Unit)]
public sealed class BoundaryMetricsTests
{
    [Theory]
    [InlineData(150, 250, 37)]
    [InlineData(40, 250, 10)]
    [InlineData(150, 500, 75)]
    [InlineData(40, 360, 14)]
    [InlineData(0, 250, 0)]
    public void Should_Convert_The_Tolerance_To_Whole_Samples_Rounding_Down(double toleranceMs, double samplingRateHz, int expected)
    {
        Assert.Equal(expected, new BoundaryMetrics(toleranceMs, samplingRateHz).ToleranceSamples);
    }

    [Fact]
    public void Should_Score_Hand_Computed_P_Boundaries()
    {
        // Given true P waves at 100–119 and 300–319; predicted at 104–123, 290–309 and a spurious 500–519
        var truth = LabelBuilder.Build(600, (100, 119, P), (300, 319, P));
        var prediction = LabelBuilder.Build(600, (104, 123, P), (290, 309, P), (500, 519, P));
        var metrics = new BoundaryMetrics(toleranceMs: 40); // 10 samples at 250 Hz

        // When
        metrics.Add(truth, prediction);
        var report = metrics.ToReport();

        // Then onsets and offsets: errors +4 and −10 samples (16 ms, −40 ms), one false positive each
        foreach (var kind in new[] { BoundaryKind.POnset, BoundaryKind.POffset })
        {
            var s = report[kind];
            Assert.Equal((2L, 1L, 0L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
            Assert.Equal(1.0, s.Sensitivity);
            Assert.Equal(2.0 / 3, s.PositivePredictiveValue, 1e-12);
            Assert.Equal(0.8, s.F1, 1e-12);
            Assert.Equal(-12.0, s.MeanErrorMs, 1e-12);
            Assert.Equal(28.0, s.ErrorSdMs, 1e-12);
        }
        // No QRS or T anywhere: every ratio is undefined and the average skips them
        Assert.True(double.IsNaN(report[BoundaryKind.QrsOnset].F1));
        Assert.True(double.IsNaN(report[BoundaryKind.TOffset].Sensitivity));
        Assert.True(double.IsNaN(report[BoundaryKind.TOffset].MeanErrorMs));
        Assert.Equal(0.8, report.AverageF1, 1e-12);
    }

    [Fact]
    public void Should_Drop_Boundaries_In_Or_Next_To_Ignored_Regions_On_Both_Sides()
    {
        // Given a true T at 180–199 whose end meets an unannotated stretch 200–299,
        // and a prediction with the same T plus another T entirely inside the unannotated stretch
        var truth = LabelBuilder.Ignore(LabelBuilder.Build(400, (180, 199, T)), 200, 299);
        var prediction = LabelBuilder.Build(400, (180, 199, T), (250, 270, T));
        var metrics = new BoundaryMetrics(toleranceMs: 40);

        // When
        metrics.Add(truth, prediction);
        var report = metrics.ToReport();

        // Then the onset at 180 matches; neither offset 199 (next to ignore) nor the T at 250–270 counts
        Assert.Equal((1L, 0L, 0L), (report[BoundaryKind.TOnset].TruePositives, report[BoundaryKind.TOnset].FalsePositives, report[BoundaryKind.TOnset].FalseNegatives));
        var offset = report[BoundaryKind.TOffset];
        Assert.Equal((0L, 0L, 0L), (offset.TruePositives, offset.FalsePositives, offset.FalseNegatives));
    }

    [Fact]
    public void Should_Accumulate_Over_Records_Without_Matching_Across_Them()
    {
        // Given a record with a true QRS and no prediction, then one with a prediction at the same place and no truth
        var qrs = LabelBuilder.Build(200, (50, 59, Qrs));
        var none = new long[200];
        var metrics = new BoundaryMetrics();

        // When
        metrics.Add(qrs, none);
        metrics.Add(none, qrs);
        var onset = metrics.ToReport()[BoundaryKind.QrsOnset];

        // Then
        Assert.Equal(2, metrics.RecordCount);
        Assert.Equal((0L, 1L, 1L), (onset.TruePositives, onset.FalsePositives, onset.FalseNegatives));
        Assert.Equal(0.0, onset.F1);
    }

    [Fact]
    public void Should_Score_Perfectly_When_The_Prediction_Copies_A_Real_Mask()
    {
        // Given fixture pair 0, whose prediction is an exact copy of an LUDB mask
        var fixture = MetricFixture.Load();
        var metrics = new BoundaryMetrics();

        // When
        metrics.Add(fixture.Truths[0], fixture.Predictions[0]);
        var report = metrics.ToReport();

        // Then every boundary kind is present and found exactly
        Assert.All(report.Scores, s =>
        {
            Assert.True(s.TruePositives > 0, $"{s.Kind} has no boundaries");
            Assert.Equal(0, s.FalsePositives + s.FalseNegatives);
            Assert.Equal(0.0, s.MeanErrorMs);
            Assert.Equal(0.0, s.ErrorSdMs);
        });
        Assert.Equal(1.0, report.AverageF1);
    }

    [Fact]
    public void Should_Reject_Invalid_Settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundaryMetrics(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundaryMetrics(150, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundaryMetrics(double.NaN));
    }
}
