using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands.Data;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("semiseg");
    config.PropagateExceptions();
    config.AddBranch("data", DataCommands.Configure);
});

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return UserErrors.Run(() => app.Run(args, cancellation.Token));
