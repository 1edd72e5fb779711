using SemiSegEcg.Cli;
using SemiSegEcg.Cli.Commands.Data;
using SemiSegEcg.Cli.Commands.Evaluation;
using SemiSegEcg.Cli.Commands.Training;
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
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Train from a base config and an optional override, keep the best checkpoints, then test.")
        .WithExample("train", "-f", "configs/base/resnet18/scratch.yaml", "-o", "configs/bench/ludb/1over16.yaml", "--data_root", "prepared");
    config.AddCommand<TestCommand>("test")
        .WithDescription("Test a run's best-MeanIoU checkpoint (or --model_path) and write test_outputs.npy / test_labels.npy / test_metrics.csv.")
        .WithExample("test", "-f", "configs/base/resnet18/scratch.yaml", "-o", "configs/bench/ludb/1over16.yaml");
    config.AddCommand<EvaluateCommand>("evaluate")
        .WithDescription("Paper metrics from test outputs: pooled and per-sample mIoU, PR/QRS/QT interval MAE, boundary F1; one row per run.")
        .WithExample("evaluate", "runs/resnet18/scratch/ludb/1over16", "runs/resnet18/fixmatch/ludb/1over16");
});

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return UserErrors.Run(() => app.Run(args, cancellation.Token));
