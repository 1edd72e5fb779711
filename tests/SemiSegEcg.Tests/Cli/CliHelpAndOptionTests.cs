using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands;
using SemiSegEcg.Tests.Infrastructure;

namespace SemiSegEcg.Tests.Cli;

/// <summary>
/// Every command's help renders (a markup error in any description used to crash <c>--help</c>), every declared option
/// works in snake_case and kebab-case, and an undeclared option stops the command with a suggestion, exit 1.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.EndToEnd)]
public sealed class CliHelpAndOptionTests
{
    public static TheoryData<string> Commands() => [.. CommandRegistry.Commands.Keys];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Should_Render_The_Help_Of_Every_Command(string path)
    {
        var (exit, text) = Run([.. path.Split(' '), "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("USAGE:", text);
        Assert.DoesNotContain("unexpected error", text);
        foreach (string option in OptionSpelling.LongNames(CommandRegistry.Commands[path]))
            Assert.Contains("--" + option, text);
    }

    [Fact]
    public void Should_Render_The_Top_Level_And_Branch_Help()
    {
        Assert.Equal(0, Run(["--help"]).Exit);
        Assert.Equal(0, Run(["data", "--help"]).Exit);
    }

    [Fact]
    public void Should_Accept_Both_Spellings_Of_Every_Declared_Option()
    {
        var commands = CommandRegistry.Commands;
        foreach (var (path, settings) in commands)
        {
            foreach (string option in OptionSpelling.LongNames(settings))
            {
                string kebab = option.Replace('_', '-'), snake = option.Replace('-', '_');
                string[] prefix = path.Split(' ');
                Assert.Equal([.. prefix, "--" + option, "x"], OptionSpelling.Normalize([.. prefix, "--" + kebab, "x"], commands));
                Assert.Equal([.. prefix, "--" + option + "=x"], OptionSpelling.Normalize([.. prefix, "--" + snake + "=x"], commands));
            }
        }
    }

    [Theory]
    [InlineData(new[] { "train", "--data-rot", "x" }, "'semiseg train' has no option '--data-rot'; did you mean '--data_root'?")]
    [InlineData(new[] { "train", "--thread", "1" }, "'semiseg train' has no option '--thread'; did you mean '--threads'?")]
    [InlineData(new[] { "data", "prepare", "ludb", "--sed", "1" }, "'semiseg data prepare' has no option '--sed'; did you mean '--seed'?")]
    [InlineData(new[] { "sweep", "--dryrun" }, "'semiseg sweep' has no option '--dryrun'; did you mean '--dry-run'?")]
    public void Should_Stop_On_An_Undeclared_Option_With_The_Nearest_Declared_One(string[] args, string expected)
    {
        var (exit, text) = Run(args);

        Assert.Equal(1, exit);
        Assert.Contains(expected, text.ReplaceLineEndings(" "));
    }

    [Theory]
    [InlineData(new[] { "data", "prepare", "ludb", "--raw", "r", "--out", "o", "--label-draws", "0" }, "--label-draws must be at least 1, got 0")]
    [InlineData(new[] { "data", "prepare", "ptbxl", "--raw", "r", "--out", "o", "--label_draws", "3" }, "--label-draws: ptbxl has no labels")]
    [InlineData(new[] { "sweep", "--draws", "one", "--dry-run" }, "--draws: 'one' is not an integer or a range like 0-4")]
    public void Should_Refuse_A_Bad_Option_Value_By_Name(string[] args, string expected)
    {
        var (exit, text) = Run(args);

        Assert.Equal(1, exit);
        Assert.Contains(expected, text.ReplaceLineEndings(" "));
    }

    [Fact]
    public void Should_Stop_On_An_Unknown_Short_Option()
    {
        Assert.Equal(1, Run(["evaluate", "-q", "runs"]).Exit);
    }

    private static (int Exit, string Text) Run(string[] args) => CliRunner.Run(args);
}
