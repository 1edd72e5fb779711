using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Data.Wfdb;

namespace SemiSegEcg.Tests.Data.Prepare;

[Trait(Category.Trait, Category.Unit)]
public sealed class MaskPainterTests
{
    private static readonly WaveSpan[] Waves = [new(WaveLabels.P, 2, 3, 4), new(WaveLabels.Qrs, 6, 7, 8), new(WaveLabels.T, null, 11, 13)];

    [Fact]
    public void Should_Exclude_The_Offset_Sample_By_Default()
    {
        var mask = MaskPainter.Paint(Waves[..2], 10, new MaskOptions());
        Assert.Equal(new byte[] { 0, 0, 1, 1, 0, 0, 2, 2, 0, 0 }, mask);
    }

    [Fact]
    public void Should_Include_The_Offset_Sample_With_The_Inclusive_Rule()
    {
        var mask = MaskPainter.Paint(Waves[..2], 10, new MaskOptions(Offset: OffsetRule.Inclusive));
        Assert.Equal(new byte[] { 0, 0, 1, 1, 1, 0, 2, 2, 2, 0 }, mask);
    }

    [Fact]
    public void Should_Start_A_Wave_Without_Onset_After_The_Previous_Offset_Or_Ignore_Up_To_Its_Peak()
    {
        var after = MaskPainter.Paint(Waves, 15, new MaskOptions(Offset: OffsetRule.Inclusive));
        var ignore = MaskPainter.Paint(Waves, 15, new MaskOptions(Offset: OffsetRule.Inclusive, MissingOnset: MissingOnsetRule.Ignore));

        Assert.Equal(new byte[] { 0, 0, 1, 1, 1, 0, 2, 2, 2, 3, 3, 3, 3, 3, 0 }, after);
        Assert.Equal(new byte[] { 0, 0, 1, 1, 1, 0, 2, 2, 2, 255, 255, 3, 3, 3, 0 }, ignore);
    }

    [Fact]
    public void Should_Ignore_Samples_Outside_The_Annotated_Stretch_When_Asked()
    {
        var mask = MaskPainter.Paint(Waves[..2], 10, new MaskOptions(Unannotated: UnannotatedPolicy.Ignore));
        Assert.Equal(new byte[] { 255, 255, 1, 1, 0, 0, 2, 2, 0, 255 }, mask);
    }

    [Fact]
    public void Should_Clip_Waves_To_A_Window()
    {
        var mask = MaskPainter.Paint(Waves[..2], 4, new MaskOptions(), start: 3);
        Assert.Equal(new byte[] { 1, 0, 0, 2 }, mask);
    }

    [Fact]
    public void Should_Group_Marks_Into_Waves_And_Report_Broken_Triplets()
    {
        WfdbAnnotation A(long t, string s) => WfdbAnnotation.Create(t, s);
        var good = WaveAnnotationParser.Parse([A(1, "("), A(2, "p"), A(3, ")"), A(5, "("), A(6, "N"), A(7, ")"), A(9, "t"), A(10, ")")], requireOnset: false);
        var strict = WaveAnnotationParser.Parse([A(9, "t"), A(10, ")"), A(11, "("), A(12, "N")], requireOnset: true);

        Assert.True(good.IsComplete);
        Assert.Equal([new WaveSpan(1, 1, 2, 3), new WaveSpan(2, 5, 6, 7), new WaveSpan(3, null, 9, 10)], good.Waves);
        Assert.False(strict.IsComplete);
        Assert.Equal(3, strict.Problems.Count);
        Assert.Empty(strict.Waves);
    }

    [Fact]
    public void Should_Hold_The_Signal_At_The_Span_Edges_Or_Keep_It()
    {
        float[] Signal() => [9, 8, 1, 2, 3, 4, 5, 6, 7, 8];
        var edge = Signal();
        var keep = Signal();

        MaskPainter.ApplyOutsideSignal(edge, Waves[..2], new MaskOptions());
        MaskPainter.ApplyOutsideSignal(keep, Waves[..2], new MaskOptions(OutsideSignal: UnannotatedSignal.Keep));

        Assert.Equal(new float[] { 1, 1, 1, 2, 3, 4, 5, 6, 7, 7 }, edge);
        Assert.Equal(Signal(), keep);
    }
}
