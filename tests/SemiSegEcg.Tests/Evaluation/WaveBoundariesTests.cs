using SemiSegEcg.Evaluation;
using static SemiSegEcg.Data.WaveLabels;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Unit)]
public sealed class WaveBoundariesTests
{
    [Fact]
    public void Should_Put_Onsets_On_First_And_Offsets_On_Last_Samples_Of_Runs()
    {
        var labels = LabelBuilder.Build(50, (5, 9, P), (10, 14, Qrs), (20, 29, T));

        var b = WaveBoundaries.Extract(labels);

        Assert.Equal([5], b.POnsets);
        Assert.Equal([9], b.POffsets);
        Assert.Equal([10], b.QrsOnsets);
        Assert.Equal([14], b.QrsOffsets);
        Assert.Equal([20], b.TOnsets);
        Assert.Equal([29], b.TOffsets);
    }

    [Fact]
    public void Should_Give_No_Onset_At_The_Start_And_No_Offset_At_The_End()
    {
        var labels = LabelBuilder.Build(30, (0, 4, T), (25, 29, P));

        var b = WaveBoundaries.Extract(labels);

        Assert.Empty(b.TOnsets);
        Assert.Equal([4], b.TOffsets);
        Assert.Equal([25], b.POnsets);
        Assert.Empty(b.POffsets);
    }

    [Fact]
    public void Should_Give_No_Boundary_Next_To_An_Ignored_Sample()
    {
        // Given a QRS whose start is unannotated and a T followed by an unannotated stretch
        var labels = LabelBuilder.Build(40, (5, 9, Qrs), (20, 24, T));
        labels = LabelBuilder.Ignore(labels, 3, 4);
        labels = LabelBuilder.Ignore(labels, 25, 30);

        var b = WaveBoundaries.Extract(labels);

        Assert.Empty(b.QrsOnsets);
        Assert.Equal([9], b.QrsOffsets);
        Assert.Equal([20], b.TOnsets);
        Assert.Empty(b.TOffsets);
    }
}
