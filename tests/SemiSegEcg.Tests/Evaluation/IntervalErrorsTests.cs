using SemiSegEcg.Evaluation;
using static SemiSegEcg.Data.WaveLabels;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Parity)]
public sealed class IntervalErrorsTests
{
    [Fact]
    public void Should_Match_Notebook_Maes_On_Fixture()
    {
        var fixture = MetricFixture.Load();
        var errors = new IntervalErrors();

        for (int i = 0; i < fixture.Truths.Length; i++) errors.Add(fixture.Truths[i], fixture.Predictions[i]);

        var mae = fixture.Notebook.GetProperty("mae_ms");
        Assert.Equal(50, errors.RecordCount);
        Assert.Equal(mae.GetProperty("PR").GetDouble(), errors.MaePrMs, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("QRS").GetDouble(), errors.MaeQrsMs, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("QT").GetDouble(), errors.MaeQtMs, MetricFixture.Tolerance);
        Assert.Equal(mae.GetProperty("avg").GetDouble(), errors.MaeAverageMs, MetricFixture.Tolerance);
    }

    [Fact]
    public void Should_Count_A_Missing_Interval_As_Zero_Ms()
    {
        // Given a record whose prediction finds no P wave and one predicted perfectly
        var truth = LabelBuilder.Build(100, (10, 19, P), (30, 39, Qrs), (50, 69, T));
        var noP = LabelBuilder.Build(100, (30, 39, Qrs), (50, 69, T));
        var errors = new IntervalErrors();

        // When
        errors.Add(truth, noP);
        errors.Add(truth, truth);

        // Then the miss costs the whole PR interval (80 ms), averaged over 2 records
        Assert.Equal(40.0, errors.MaePrMs, 1e-9);
        Assert.Equal(0.0, errors.MaeQrsMs);
        Assert.Equal(0.0, errors.MaeQtMs);
        Assert.Equal(40.0 / 3, errors.MaeAverageMs, 1e-9);
    }

    [Fact]
    public void Should_Ignore_Predicted_Waves_Where_The_Truth_Is_Ignored()
    {
        // Given annotation stops after the QRS; the prediction has a T wave inside the unannotated part
        var truth = LabelBuilder.Ignore(LabelBuilder.Build(100, (10, 19, P), (30, 39, Qrs)), 45, 99);
        var prediction = LabelBuilder.Build(100, (10, 19, P), (30, 39, Qrs), (50, 69, T));
        var errors = new IntervalErrors();

        // When
        errors.Add(truth, prediction);

        // Then the predicted T offset is not seen, so both QTs are "not found"
        Assert.Equal(0.0, errors.PerRecordPrediction[0].QtIntervalMs);
        Assert.Equal(0.0, errors.MaeQtMs);
        Assert.Equal(0.0, errors.MaePrMs);
    }
}
