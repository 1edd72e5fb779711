using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Unit)]
public sealed class OneHotFromProbabilitiesTests
{
    // T = 2, layout (4, T): position 0 ties P and T, position 1 is clearly QRS.
    private static readonly float[] Probabilities =
    [
        0.1f, 0.1f,
        0.4f, 0.1f,
        0.1f, 0.7f,
        0.4f, 0.1f,
    ];

    [Fact]
    public void Should_Switch_On_Every_Class_Reaching_The_Maximum()
    {
        var oneHot = OneHotFromProbabilities.Compute(Probabilities);

        Assert.Equal(new[] { false, false, true, false, false, true, true, false }, oneHot);
    }

    [Fact]
    public void Should_Pick_The_First_Maximal_Class_For_Labels()
    {
        Assert.Equal(new long[] { 1, 2 }, OneHotFromProbabilities.ArgMax(Probabilities));
    }

    [Fact]
    public void Should_Reject_A_Length_That_Is_Not_Four_Classes_Times_T()
    {
        var e = Assert.Throws<ArgumentException>(() => OneHotFromProbabilities.ArgMax(new float[7]));

        Assert.Contains("not a multiple of 4", e.Message);
    }
}
