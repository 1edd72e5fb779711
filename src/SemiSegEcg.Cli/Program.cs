using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands.Data;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("semiseg");
    config.PropagateExceptions();
    config.AddBranch("data", data =>
    {
        data.SetDescription("Prepare benchmark databases from their raw downloads.");
        data.AddCommand<DataPrepareCommand>("prepare")
            .WithDescription("Turn a raw database (ludb, qtdb, ptbxl) into single-lead samples, masks and split indexes.")
            .WithExample("data", "prepare", "ludb", "--raw", "../shared/data/ludb", "--out", "prepared/ludb");
    });
});

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return UserErrors.Run(() => app.Run(args, cancellation.Token));
