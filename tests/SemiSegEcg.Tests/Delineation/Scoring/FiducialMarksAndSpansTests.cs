using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Delineation;
using SemiSegEcg.Delineation.Scoring;

namespace SemiSegEcg.Tests.Delineation.Scoring;

[Trait(Category.Trait, Category.Unit)]
public sealed class FiducialMarksAndSpansTests
{
    [Fact]
    public void Should_Put_A_Predicted_Offset_On_The_Mark_The_Training_Masks_Were_Painted_From()
    {
        // Under Exclusive the mask of a wave annotated ( 100 … ) 140 covers 100..139: the run's last sample is 139.
        var waves = new[] { new Wave(WaveKind.Qrs, 100, 120, 139) };

        Assert.Equal([140], FiducialMarks.FromWaves(waves, OffsetRule.Exclusive)[Fiducial.QrsOffset]);
        Assert.Equal([139], FiducialMarks.FromWaves(waves, OffsetRule.Inclusive)[Fiducial.QrsOffset]);
        Assert.Equal([100], FiducialMarks.FromWaves(waves, OffsetRule.Exclusive)[Fiducial.QrsOnset]);
    }

    [Fact]
    public void Should_Take_Only_The_Marks_An_Annotator_Made()
    {
        // A T wave without an onset mark (QTDB) gives a peak and an offset; QRS peaks are not a scored fiducial.
        var marks = FiducialMarks.FromAnnotations([new WaveSpan(WaveLabels.T, null, 300, 350), new WaveSpan(WaveLabels.Qrs, 100, 120, 140)]);

        Assert.Equal([300], marks[Fiducial.TPeak]);
        Assert.Equal([350], marks[Fiducial.TOffset]);
        Assert.Equal([100], marks[Fiducial.QrsOnset]);
        Assert.Empty(marks[Fiducial.POnset]);
    }

    [Fact]
    public void Should_Span_Each_Annotated_Beat_From_Its_P_To_Its_T_And_Leave_The_Gaps_Between_Beats_Out()
    {
        // Three annotated beats: P-QRS-T, then QRS-T without a P, then P-QRS without a T.
        WaveSpan[] waves =
        [
            new(WaveLabels.P, 80, 90, 100), new(WaveLabels.Qrs, 110, 115, 130), new(WaveLabels.T, null, 180, 200),
            new(WaveLabels.Qrs, 360, 365, 380), new(WaveLabels.T, null, 430, 450), new(WaveLabels.P, 580, 590, 600),
            new(WaveLabels.Qrs, 610, 615, 630),
        ];

        var spans = AnnotatedSpans.PerBeat(waves);

        Assert.Equal([(80, 200), (360, 450), (580, 630)], spans.Spans);
        Assert.True(spans.Contains(80));
        Assert.True(spans.Contains(450));
        Assert.False(spans.Contains(201));
        Assert.False(spans.Contains(579));
        Assert.Equal([(80, 630)], AnnotatedSpans.Whole(waves).Spans);
    }
}
