using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Tests.Data.Prepare;

[Trait(Category.Trait, Category.Unit)]
public sealed class IspTargetParserTests
{
    [Theory]
    [InlineData("[(0, 120, 210), (1, 250, 330)]")]
    [InlineData("  [ (0,120,210) ,(1 , 250,330) , ]  ")]
    [InlineData("[(np.int64(0), np.int64(120), np.int64(210)), (np.int64(1), np.int64(250), np.int64(330))]")]
    [InlineData("[[0, 120.0, 210], [1, 250, 330.0]]")]
    [InlineData("[(0,\n120, 210),\t(1, 250, 330)]")]
    public void Should_Read_Python_Tuple_Lists_In_Their_Usual_Spellings(string text)
    {
        var waves = IspTargetParser.Parse(text, "t.csv line 2");

        Assert.Equal([new WaveSpan(WaveLabels.P, 120, null, 210), new WaveSpan(WaveLabels.Qrs, 250, null, 330)], waves);
    }

    [Fact]
    public void Should_Map_Classes_0_1_2_To_P_Qrs_T_And_Keep_Out_Of_Range_Indices_As_Written()
    {
        var waves = IspTargetParser.Parse("[(2, 9950, 10040), (1, -3, 40), (0, 500, 400)]", "t.csv line 2");

        Assert.Equal([WaveLabels.T, WaveLabels.Qrs, WaveLabels.P], waves.Select(w => w.ClassId));
        Assert.Equal((9950L, 10040L), (waves[0].Onset!.Value, waves[0].Offset));
        Assert.Equal(-3L, waves[1].Onset);
        Assert.Equal((500L, 400L), (waves[2].Onset!.Value, waves[2].Offset));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    public void Should_Read_An_Empty_List(string text) =>
        Assert.Empty(IspTargetParser.Parse(text, "t.csv line 2"));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("[(0, 120, 210)", "expected ',' or ']'")]
    [InlineData("[(0, 120)]", "has 2 values")]
    [InlineData("[(0, 1, 2, 3)]", "has 4 values")]
    [InlineData("[(3, 120, 210)]", "class 3")]
    [InlineData("[(0, abc, 210)]", "expected '('")]
    [InlineData("[(0, 12.5, 210)]", "'12.5' is not a whole sample index")]
    [InlineData("(0, 120, 210)", "expected '['")]
    [InlineData("[(0, 120, 210)] extra", "text after the closing ']'")]
    [InlineData("[(0, 120, 210) (1, 2, 3)]", "expected ',' or ']'")]
    [InlineData("[(0, 1e400, 2)]", "not a whole sample index")]
    public void Should_Name_The_Source_Field_And_Problem_When_The_Text_Is_Malformed(string text, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => IspTargetParser.Parse(text, "data/train.csv line 7"));

        Assert.StartsWith("data/train.csv line 7: field 'target' ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
