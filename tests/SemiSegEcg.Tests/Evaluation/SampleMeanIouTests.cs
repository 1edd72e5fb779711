using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Parity)]
public sealed class SampleMeanIouTests
{
    [Fact]
    public void Should_Match_Torchmetrics_Per_Sample_And_Per_Class_Values_On_Fixture()
    {
        var fixture = MetricFixture.Load();
        var metric = new SampleMeanIou();

        for (int i = 0; i < fixture.Truths.Length; i++) metric.Add(fixture.Truths[i], fixture.Predictions[i]);

        var perSample = MetricFixture.Doubles(fixture.TorchMetrics.GetProperty("per_sample"));
        var perClass = fixture.TorchMetrics.GetProperty("per_sample_per_class").EnumerateArray().Select(MetricFixture.Doubles).ToArray();
        Assert.Equal(50, metric.SampleCount);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(perSample[i], metric.PerSample[i], MetricFixture.Tolerance);
            for (int c = 0; c < 4; c++) Assert.Equal(perClass[i][c], metric.PerSamplePerClass[i][c], MetricFixture.Tolerance);
        }
    }

    [Fact]
    public void Should_Match_Torchmetrics_Mean_Over_Samples_And_Reference_Batch_Means_On_Fixture()
    {
        var fixture = MetricFixture.Load();
        var metric = new SampleMeanIou();

        for (int i = 0; i < fixture.Truths.Length; i++) metric.Add(fixture.Truths[i], fixture.Predictions[i]);

        Assert.Equal(fixture.TorchMetrics.GetProperty("mean_over_samples").GetDouble(), metric.MeanOverSamples, MetricFixture.Tolerance);
        Assert.Equal(fixture.TorchMetrics.GetProperty("reference_evaluate_batched_16").GetDouble(), metric.MeanOfBatchMeans(16), MetricFixture.Tolerance);
    }

    [Fact]
    public void Should_Score_Zero_For_A_Class_Absent_From_Both_Truth_And_Prediction()
    {
        // Given a perfect prediction of a sample without P and T
        long[] labels = [0, 0, 2, 2];
        var metric = new SampleMeanIou();

        // When
        metric.Add(labels, labels);

        // Then P and T have an empty union and count as 0 in the mean over 4 classes
        Assert.Equal(new[] { 1.0, 0.0, 1.0, 0.0 }, metric.PerSamplePerClass[0]);
        Assert.Equal(0.5, metric.PerSample[0]);
    }

    [Fact]
    public void Should_Leave_Ignored_Positions_Out_Of_Every_Count()
    {
        // Given wrong QRS and T predictions only where the truth is ignored
        long[] truth = [1, WaveLabels.Ignore, WaveLabels.Ignore, 0];
        long[] prediction = [1, 2, 3, 0];
        var metric = new SampleMeanIou();

        // When
        metric.Add(truth, prediction);

        // Then bg and P are perfect, QRS and T are absent from both
        Assert.Equal(new[] { 1.0, 1.0, 0.0, 0.0 }, metric.PerSamplePerClass[0]);
        Assert.Equal(0.5, metric.PerSample[0]);
    }

    [Fact]
    public void Should_Compute_Iou_As_Intersection_Over_Union_Per_Class()
    {
        // Given P: truth {0,1,2}, prediction {1,2,3} → I 2, U 4; bg: truth {3}, prediction {0} → I 0, U 2
        var metric = new SampleMeanIou();

        metric.Add([1, 1, 1, 0], [0, 1, 1, 1]);

        Assert.Equal(new[] { 0.0, 0.5, 0.0, 0.0 }, metric.PerSamplePerClass[0]);
        Assert.Equal(0.125, metric.PerSample[0]);
    }

    [Fact]
    public void Should_Weigh_A_Short_Last_Batch_Like_A_Full_One()
    {
        // Given per-sample values 1, 0.5 (two classes absent → 0.5) and 0
        var metric = new SampleMeanIou();
        metric.Add([0, 1, 2, 3], [0, 1, 2, 3]);
        metric.Add([0, 2], [0, 2]);
        metric.Add([1, 1], [0, 0]);

        // When / Then: batches of 2 are [1, 0.5] → 0.75 and [0] → 0, so (0.75 + 0) / 2, unlike the plain mean 0.5
        Assert.Equal(new[] { 1.0, 0.5, 0.0 }, metric.PerSample);
        Assert.Equal(0.375, metric.MeanOfBatchMeans(2));
        Assert.Equal(0.5, metric.MeanOverSamples);
        Assert.Equal(0.5, metric.MeanOfBatchMeans(3));
    }

    [Fact]
    public void Should_Be_NaN_Before_Any_Sample()
    {
        var metric = new SampleMeanIou();

        Assert.True(double.IsNaN(metric.MeanOverSamples));
        Assert.True(double.IsNaN(metric.MeanOfBatchMeans(16)));
        Assert.Throws<ArgumentOutOfRangeException>(() => metric.MeanOfBatchMeans(0));
    }
}
