using System.Runtime.InteropServices;
using SemiSegEcg.Cli;
using Spectre.Console;

namespace SemiSegEcg.Tests.Cli;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class UserErrorsTests
{
    [Fact]
    public void Should_Show_The_First_Line_Of_A_Libtorch_Error_And_How_To_Resume()
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        try
        {
            int exit = UserErrors.Run(() => throw new ExternalException("Expected false to be true.\nframe #0: c10::Error::Error"));

            Assert.Equal(2, exit);
            string text = writer.ToString();
            Assert.Contains("libtorch error: Expected false to be true.", text);
            Assert.Contains("--resume", text);
            Assert.DoesNotContain("frame #0", text);
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}
