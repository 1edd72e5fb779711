using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands;

ConsoleWidth.Apply();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return CommandRegistry.Run(args, cancellation.Token);
