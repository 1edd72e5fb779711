using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Delineation.Scoring;

namespace SemiSegEcg.Tests.Delineation.Scoring;

/// <summary>Matching, the 150-ms edge, Se/PPV under partial annotation and the sign, on hand-made annotation sets.</summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class FiducialScorerTests
{
    private const double Fs500 = 500, Fs250 = 250;

    [Fact]
    public void Should_Report_Predicted_Minus_Reference_So_An_Early_Prediction_Is_Negative()
    {
        // Given: a QRS annotated at 1000..1050; predicted 10 samples early at onset, 5 late at offset (500 Hz)
        var reference = Marks(Qrs(1000, 1020, 1050));
        var predicted = Marks(Qrs(990, 1020, 1055));
        var scorer = new FiducialScorer();

        scorer.Add(reference, predicted, AnnotatedSpans.Of((0, 5000)), Fs500);
        var table = scorer.ToTable("hand-made");

        Assert.Equal(-20.0, table[Fiducial.QrsOnset].MeanErrorMs, 9);
        Assert.Equal(10.0, table[Fiducial.QrsOffset].MeanErrorMs, 9);
        Assert.Equal(0.0, table[Fiducial.QrsOnset].ErrorSdMs, 9);
    }

    [Theory]
    [InlineData(Fs500, 75, true)]   // exactly 150 ms matches
    [InlineData(Fs500, 76, false)]  // 152 ms does not
    [InlineData(Fs500, -75, true)]
    [InlineData(Fs250, 37, true)]   // 148 ms: 150 ms is 37.5 samples, floored
    [InlineData(Fs250, 38, false)]  // 152 ms
    public void Should_Match_Within_150_Ms_Inclusive_In_Whole_Samples(double fs, int shift, bool matches)
    {
        var reference = Marks(Qrs(1000, 1010, 1020));
        var predicted = Marks(Qrs(1000 + shift, 1010 + shift, 1020 + shift));
        var scorer = new FiducialScorer(150);

        scorer.Add(reference, predicted, AnnotatedSpans.Of((0, 5000)), fs);
        var onset = scorer.ToTable("edge")[Fiducial.QrsOnset];

        Assert.Equal(matches ? 1 : 0, onset.Matched);
        Assert.Equal(matches ? 0 : 1, onset.FalsePositives);
        if (matches) Assert.Equal(shift * 1000 / fs, onset.MeanErrorMs, 9);
    }

    [Fact]
    public void Should_Count_Only_Annotated_Marks_For_Se_And_Only_Predictions_Inside_The_Annotation_For_Ppv()
    {
        // Given: four annotated P waves inside the span 900..4500; the model finds three of them (one matched
        // prediction lies just outside the span at 880, which still counts), misses one, and adds two P waves:
        // one inside the span (a false positive) and one at 6000, where nothing was annotated (not judged).
        var reference = Marks(P(905, 930, 960), P(2000, 2030, 2060), P(3000, 3030, 3060), P(4000, 4030, 4060));
        var predicted = Marks(P(880, 930, 960), P(2002, 2031, 2058), P(3004, 3030, 3066), P(3500, 3520, 3540), P(6000, 6020, 6040));
        var scorer = new FiducialScorer();

        scorer.Add(reference, predicted, AnnotatedSpans.Of((900, 4500)), Fs500);
        var onset = scorer.ToTable("partial")[Fiducial.POnset];

        Assert.Equal(4, onset.References);
        Assert.Equal(3, onset.Matched);
        Assert.Equal(1, onset.Missed);
        Assert.Equal(1L, onset.FalsePositives);
        Assert.Equal(75.0, onset.SensitivityPercent, 9);
        Assert.Equal(75.0, onset.PositivePredictivityPercent, 9);
        // errors −25, +2, +4 samples → −50, 4, 8 ms: mean −12.67, population SD 26.89
        Assert.Equal(-38.0 / 3, onset.MeanErrorMs, 9);
        Assert.Equal(Math.Sqrt((Math.Pow(-50 + 38.0 / 3, 2) + Math.Pow(4 + 38.0 / 3, 2) + Math.Pow(8 + 38.0 / 3, 2)) / 3), onset.ErrorSdMs, 9);
    }

    [Fact]
    public void Should_Pair_Each_Reference_With_At_Most_One_Prediction_Nearest_First()
    {
        // Two predictions near one annotated QRS onset: the nearer is the match, the other a false positive.
        var reference = Marks(Qrs(1000, 1020, 1050));
        var predicted = Marks(Qrs(960, 970, 980), Qrs(1004, 1020, 1050));
        var scorer = new FiducialScorer();

        scorer.Add(reference, predicted, AnnotatedSpans.Of((900, 1100)), Fs500);
        var onset = scorer.ToTable("pairs")[Fiducial.QrsOnset];

        Assert.Equal(1, onset.Matched);
        Assert.Equal(1L, onset.FalsePositives);
        Assert.Equal(8.0, onset.MeanErrorMs, 9);
    }

    [Fact]
    public void Should_Take_The_Closest_Lead_Per_Mark_For_The_Best_Lead_And_Leave_Ppv_Undefined()
    {
        // Reference T offsets at 1000, 2000, 3000; lead A is 10 samples late on the first, lead B 4 early on the first
        // and 6 late on the second; neither finds the third (250 Hz: 4 ms a sample).
        var reference = Marks(T(900, 1000), T(1900, 2000), T(2900, 3000));
        var leadA = Marks(T(900, 1010));
        var leadB = Marks(T(900, 996), T(1900, 2006), T(2500, 2600));
        var scorer = new FiducialScorer();

        scorer.AddBestOf(reference, [leadA, leadB], Fs250);
        var offset = scorer.ToTable("best lead")[Fiducial.TOffset];

        Assert.Equal(3, offset.References);
        Assert.Equal(2, offset.Matched);
        Assert.Null(offset.FalsePositives);
        Assert.True(double.IsNaN(offset.PositivePredictivityPercent));
        Assert.Equal((-16.0 + 24.0) / 2, offset.MeanErrorMs, 9);
    }

    [Fact]
    public void Should_Refuse_To_Pool_Single_Lead_And_Best_Lead_Results_In_One_Table()
    {
        var marks = Marks(Qrs(100, 110, 120));
        var scorer = new FiducialScorer();
        scorer.Add(marks, marks, AnnotatedSpans.Of((0, 200)), Fs500);

        Assert.Throws<InvalidOperationException>(() => scorer.AddBestOf(marks, [marks], Fs500));
    }

    [Fact]
    public void Should_Leave_Scores_Undefined_Where_Nothing_Was_Annotated_Or_Matched()
    {
        var scorer = new FiducialScorer();
        scorer.Add(Marks(Qrs(100, 110, 120)), Marks(Qrs(100, 110, 120)), AnnotatedSpans.Of((0, 200)), Fs500);
        var p = scorer.ToTable("no P")[Fiducial.POnset];

        Assert.Equal(0, p.References);
        Assert.True(double.IsNaN(p.SensitivityPercent));
        Assert.True(double.IsNaN(p.PositivePredictivityPercent));
        Assert.True(double.IsNaN(p.MeanErrorMs));
    }

    private static FiducialMarks Marks(params WaveSpan[] waves) => FiducialMarks.FromAnnotations(waves);

    private static WaveSpan P(long onset, long peak, long offset) => new(WaveLabels.P, onset, peak, offset);

    private static WaveSpan Qrs(long onset, long peak, long offset) => new(WaveLabels.Qrs, onset, peak, offset);

    private static WaveSpan T(long peak, long offset) => new(WaveLabels.T, null, peak, offset);
}
