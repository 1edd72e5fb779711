using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Parity)]
public sealed class PooledIouTests
{
    [Fact]
    public void Should_Match_Reference_Notebook_Pooled_Iou_On_Fixture()
    {
        var fixture = MetricFixture.Load();
        var pooled = new PooledIou();

        for (int i = 0; i < fixture.Truths.Length; i++) pooled.Add(fixture.Truths[i], fixture.Predictions[i]);

        Assert.Equal(50, pooled.SampleCount);
        Assert.Equal(fixture.Notebook.GetProperty("miou_pooled").GetDouble(), pooled.Mean, MetricFixture.Tolerance);
        var expected = MetricFixture.Doubles(fixture.Notebook.GetProperty("iou_pooled_per_class"));
        var actual = pooled.PerClass;
        for (int c = 0; c < 4; c++) Assert.Equal(expected[c], actual[c], MetricFixture.Tolerance);
    }

    [Fact]
    public void Should_Agree_With_Label_Path_When_Probabilities_Are_One_Hot_Fixture_Masks()
    {
        var fixture = MetricFixture.Load();
        var fromProbabilities = new PooledIou();

        for (int i = 0; i < fixture.Truths.Length; i++)
            fromProbabilities.AddProbabilities(LabelBuilder.OneHotProbabilities(fixture.Predictions[i]), fixture.Truths[i]);

        Assert.Equal(0.6862489654888333, fromProbabilities.Mean, MetricFixture.Tolerance);
    }

    [Fact]
    public void Should_Switch_On_Every_Tied_Class_When_Probabilities_Tie()
    {
        // Given 3 positions, truth bg, P, QRS; position 0 ties bg/P, position 2 ties all four classes
        long[] truth = [0, 1, 2];
        float[] probabilities =
        [
            0.5f, 0.1f, 0.25f, // bg
            0.5f, 0.7f, 0.25f, // P
            0.0f, 0.1f, 0.25f, // QRS
            0.0f, 0.1f, 0.25f, // T
        ];
        var pooled = new PooledIou();

        // When
        pooled.AddProbabilities(probabilities, truth);

        // Then bg: I{0} U{0,2}; P: I{1} U{0,1,2}; QRS: I{2} U{2}; T: I{} U{2}
        Assert.Equal(new long[] { 1, 1, 1, 0 }, pooled.Intersection);
        Assert.Equal(new long[] { 2, 3, 1, 1 }, pooled.Union);
        Assert.Equal(new[] { 0.5, 1.0 / 3, 1.0, 0.0 }, pooled.PerClass);
        Assert.Equal((0.5 + 1.0 / 3 + 1.0) / 4, pooled.Mean, 1e-15);
    }

    [Fact]
    public void Should_Exclude_Positions_Whose_Truth_Is_Ignore()
    {
        // Given a QRS predicted only where the truth is ignored
        long[] truth = [0, WaveLabels.Ignore, 1, 1];
        long[] prediction = [0, 2, 1, 0];
        var fromLabels = new PooledIou();
        var fromProbabilities = new PooledIou();

        // When
        fromLabels.Add(truth, prediction);
        fromProbabilities.AddProbabilities(LabelBuilder.OneHotProbabilities(prediction), truth);

        // Then position 1 counts nowhere: QRS has an empty union
        foreach (var pooled in new[] { fromLabels, fromProbabilities })
        {
            Assert.Equal(new long[] { 1, 1, 0, 0 }, pooled.Intersection);
            Assert.Equal(new long[] { 2, 2, 0, 0 }, pooled.Union);
            Assert.Equal(new[] { 0.5, 0.5, 0.0, 0.0 }, pooled.PerClass);
        }
    }

    [Fact]
    public void Should_Pool_Counts_Over_Samples_Rather_Than_Average_Sample_Ious()
    {
        // Given a short sample that is perfect and a long one that is all wrong
        var pooled = new PooledIou();

        pooled.Add([1, 1], [1, 1]);
        pooled.Add([1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 1, 1]);

        // Then P: I = 2 + 2, U = 2 + 6; bg: I 0, U 4
        Assert.Equal(0.5, pooled.PerClass[1]);
        Assert.Equal(0.0, pooled.PerClass[0]);
    }

    [Fact]
    public void Should_Give_Same_Counts_For_Byte_And_Long_Labels()
    {
        var fromBytes = new PooledIou();
        var fromLongs = new PooledIou();

        fromBytes.Add(new byte[] { 0, 3, 3, 2, 255 }, new byte[] { 0, 3, 2, 2, 1 });
        fromLongs.Add([0, 3, 3, 2, 255], [0, 3, 2, 2, 1]);

        Assert.Equal(fromLongs.Intersection, fromBytes.Intersection);
        Assert.Equal(fromLongs.Union, fromBytes.Union);
    }

    [Fact]
    public void Should_Name_Sample_And_Position_When_Labels_Are_Invalid()
    {
        var pooled = new PooledIou();
        pooled.Add([0, 1], [0, 1]);

        var badPrediction = Assert.Throws<ArgumentException>(() => pooled.Add([0, 1], [0, 255]));
        var badTruth = Assert.Throws<ArgumentException>(() => pooled.Add([0, 7], [0, 1]));
        var badLength = Assert.Throws<ArgumentException>(() => pooled.Add([0, 1, 2], [0, 1]));

        Assert.Contains("sample 1 position 1", badPrediction.Message);
        Assert.Contains("prediction label 255", badPrediction.Message);
        Assert.Contains("truth label 7", badTruth.Message);
        Assert.Contains("3 time steps", badLength.Message);
        Assert.Equal(1, pooled.SampleCount);
    }

    [Fact]
    public void Should_Reject_Probabilities_With_NaN()
    {
        var pooled = new PooledIou();

        var e = Assert.Throws<ArgumentException>(() => pooled.AddProbabilities([float.NaN, 0f, 0f, 0f], [0]));

        Assert.Contains("NaN", e.Message);
    }
}
