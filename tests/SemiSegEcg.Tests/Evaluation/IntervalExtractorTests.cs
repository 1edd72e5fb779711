using System.Text.Json;
using SemiSegEcg.Evaluation;
using static SemiSegEcg.Data.WaveLabels;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Parity)]
public sealed class IntervalExtractorTests
{
    // At 250 Hz one sample is 4 ms.
    private const double MsPerSample = 4;

    [Fact]
    public void Should_Reproduce_Notebook_Numerics_For_Every_Fixture_Pair()
    {
        var fixture = MetricFixture.Load();
        var expectedPred = fixture.Notebook.GetProperty("per_pair_numerics_pred").EnumerateArray().ToArray();
        var expectedTrue = fixture.Notebook.GetProperty("per_pair_numerics_true").EnumerateArray().ToArray();

        for (int i = 0; i < fixture.Truths.Length; i++)
        {
            AssertNumerics(expectedPred[i], IntervalExtractor.Compute(fixture.Predictions[i]), $"pred {i}");
            AssertNumerics(expectedTrue[i], IntervalExtractor.Compute(fixture.Truths[i]), $"true {i}");
        }
    }

    [Fact]
    public void Should_Pair_A_Single_Onset_With_The_First_Later_Target()
    {
        // Given one beat: P 10–19, QRS 30–39, T 50–69
        var labels = LabelBuilder.Build(100, (10, 19, P), (30, 39, Qrs), (50, 69, T));

        // When
        var n = IntervalExtractor.Compute(labels);

        // Then PR = 30 − 10, QRS = 39 − 30, QT = 69 − 30 samples
        AssertClose(new IntervalNumerics(20 * MsPerSample, 9 * MsPerSample, 39 * MsPerSample), n);
    }

    [Fact]
    public void Should_Drop_The_Last_Beat_When_There_Are_Several_Onsets()
    {
        // Given two beats with different intervals (beat 2: PR 22, QRS 9, QT 53 samples)
        var labels = LabelBuilder.Build(300,
            (10, 19, P), (30, 39, Qrs), (50, 69, T),
            (110, 119, P), (132, 141, Qrs), (160, 185, T));

        // When
        var n = IntervalExtractor.Compute(labels);

        // Then only beat 1 (between the two onsets) counts
        AssertClose(new IntervalNumerics(20 * MsPerSample, 9 * MsPerSample, 39 * MsPerSample), n);
    }

    [Fact]
    public void Should_Average_The_Two_Middle_Intervals_When_The_Count_Is_Even()
    {
        // Given three beats: PR 20 and 22 samples between the first three P onsets, the third beat dropped
        var labels = LabelBuilder.Build(400,
            (10, 19, P), (30, 39, Qrs),
            (110, 119, P), (132, 141, Qrs),
            (210, 219, P), (260, 269, Qrs));

        // When / Then the median of {20, 22} is 21 samples
        Assert.Equal(21 * MsPerSample, IntervalExtractor.Compute(labels).PrIntervalMs, 1e-12);
    }

    [Fact]
    public void Should_Give_No_Onset_To_A_Wave_Touching_Index_Zero()
    {
        // Given a P wave cut at the start: its onset is unknown, so the only P onset is 100
        var labels = LabelBuilder.Build(300,
            (0, 9, P), (20, 29, Qrs), (40, 59, T),
            (100, 109, P), (125, 134, Qrs), (150, 170, T));

        // When
        var n = IntervalExtractor.Compute(labels);

        // Then PR uses the single onset 100 → QRS onset 125; QRS and QT use the QRS onset pair (20, 125)
        AssertClose(new IntervalNumerics(25 * MsPerSample, 9 * MsPerSample, 39 * MsPerSample), n);
    }

    [Fact]
    public void Should_Give_No_Offset_To_A_Wave_Touching_The_End()
    {
        // Given a single QRS that runs to the last sample
        var labels = LabelBuilder.Build(100, (10, 19, P), (30, 99, Qrs));

        // When
        var n = IntervalExtractor.Compute(labels);

        // Then its duration is "not found", i.e. 0
        AssertClose(new IntervalNumerics(20 * MsPerSample, 0, 0), n);
    }

    [Fact]
    public void Should_Require_The_Target_Strictly_After_The_Onset()
    {
        // Given a one-sample QRS (onset = offset = 30) followed by a longer one ending at 45 before the next onset
        var labels = LabelBuilder.Build(200, (30, 30, Qrs), (40, 45, Qrs), (120, 129, Qrs));

        // When / Then the offset at 30 is not after the onset 30: the first QRS offset in (30, 40) is none,
        // and in (40, 120) it is 45 → only 5 samples
        Assert.Equal(5 * MsPerSample, IntervalExtractor.Compute(labels).QrsDurationMs, 1e-12);
    }

    [Fact]
    public void Should_Report_Zero_When_No_Interval_Is_Found()
    {
        Assert.Equal(new IntervalNumerics(0, 0, 0), IntervalExtractor.Compute(new long[2500]));
    }

    [Fact]
    public void Should_Convert_Samples_With_The_Given_Sampling_Rate()
    {
        var labels = LabelBuilder.Build(100, (10, 19, P), (30, 39, Qrs), (50, 69, T));

        Assert.Equal(40.0, IntervalExtractor.Compute(labels, samplingRateHz: 500).PrIntervalMs, 1e-12);
    }

    private static void AssertClose(IntervalNumerics expected, IntervalNumerics actual)
    {
        Assert.Equal(expected.PrIntervalMs, actual.PrIntervalMs, 1e-9);
        Assert.Equal(expected.QrsDurationMs, actual.QrsDurationMs, 1e-9);
        Assert.Equal(expected.QtIntervalMs, actual.QtIntervalMs, 1e-9);
    }

    private static void AssertNumerics(JsonElement expected, IntervalNumerics actual, string what)
    {
        Assert.True(Math.Abs(expected.GetProperty("PR_interval").GetDouble() - actual.PrIntervalMs) <= MetricFixture.Tolerance, $"{what} PR {actual.PrIntervalMs}");
        Assert.True(Math.Abs(expected.GetProperty("QRS_duration").GetDouble() - actual.QrsDurationMs) <= MetricFixture.Tolerance, $"{what} QRS {actual.QrsDurationMs}");
        Assert.True(Math.Abs(expected.GetProperty("QT_interval").GetDouble() - actual.QtIntervalMs) <= MetricFixture.Tolerance, $"{what} QT {actual.QtIntervalMs}");
    }
}
