using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands;
using Spectre.Console.Cli;

ConsoleWidth.Apply();
var app = new CommandApp();
app.Configure(CommandRegistry.Configure);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return UserErrors.Run(() => app.Run(args, cancellation.Token));
