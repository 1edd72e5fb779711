using SemiSegEcg.Cli;

namespace SemiSegEcg.Tests.Cli;

[Trait(Category.Trait, Category.Unit)]
public sealed class DisplayPathTests
{
    [Fact]
    public void PathUnderTheWorkingDirectoryIsShownRelative()
    {
        string path = Path.Combine(Environment.CurrentDirectory, "demo", "runs", "demo");
        Assert.Equal(Path.Combine("demo", "runs", "demo"), DisplayPath.AsTyped(path));
    }

    [Fact]
    public void PathOutsideTheWorkingDirectoryStaysAbsolute()
    {
        string outside = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "elsewhere"));
        Assert.Equal(outside, DisplayPath.AsTyped(outside));
        Assert.Equal(outside, DisplayPath.AsTyped(Path.Combine("..", "elsewhere")));
    }
}
