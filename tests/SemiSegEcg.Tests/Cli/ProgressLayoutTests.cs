using SemiSegEcg.Cli;

namespace SemiSegEcg.Tests.Cli;

[Trait(Category.Trait, Category.Unit)]
public sealed class ProgressLayoutTests
{
    private static readonly string[] Parts = ["epoch 12 step 34/88", "loss 0.1234", "lr 1.00e-3"];

    [Theory]
    [InlineData(160, "epoch 12 step 34/88 loss 0.1234 lr 1.00e-3")]
    [InlineData(80, "epoch 12 step 34/88 loss 0.1234")]
    [InlineData(60, "epoch 12 step 34/88")]
    [InlineData(40, "epoch 12 st…")]
    public void Should_Keep_The_Whole_Progress_Line_Within_The_Terminal(int consoleWidth, string expected)
    {
        string description = ProgressLayout.Fit(Parts, ProgressLayout.DescriptionWidth(consoleWidth));

        Assert.Equal(expected, description);
        int line = description.Length + ProgressLayout.BarWidth(consoleWidth) + 4 + 8 + 8 + 1 + 6;
        Assert.True(line <= Math.Max(consoleWidth, 12 + 10 + 27), $"{line} columns on a {consoleWidth}-column terminal");
    }

    [Fact]
    public void Should_Shrink_The_Bar_But_Not_Below_Ten_Columns()
    {
        Assert.Equal([40, 26, 13, 10], new[] { 300, 160, 80, 40 }.Select(ProgressLayout.BarWidth));
    }
}
