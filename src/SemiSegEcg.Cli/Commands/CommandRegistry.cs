using SemiSegEcg.Cli.Commands.Data;
using SemiSegEcg.Cli.Commands.Delineation;
using SemiSegEcg.Cli.Commands.Demo;
using SemiSegEcg.Cli.Commands.Evaluation;
using SemiSegEcg.Cli.Commands.Export;
using SemiSegEcg.Cli.Commands.Report;
using SemiSegEcg.Cli.Commands.Sweep;
using SemiSegEcg.Cli.Commands.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands;

/// <summary>Every <c>semiseg</c> command, registered in one place so tests run exactly what the CLI runs.</summary>
public static class CommandRegistry
{
    /// <summary>Every command's path and settings type, for option spelling and the help tests.</summary>
    public static IReadOnlyDictionary<string, Type> Commands { get; } = new Dictionary<string, Type>
    {
        ["demo"] = typeof(DemoSettings),
        ["data prepare"] = typeof(DataPrepareSettings),
        ["data merge"] = typeof(DataMergeSettings),
        ["train"] = typeof(TrainSettings),
        ["test"] = typeof(TestSettings),
        ["evaluate"] = typeof(EvaluateSettings),
        ["delineate"] = typeof(DelineateSettings),
        ["delineate-eval"] = typeof(DelineateEvalSettings),
        ["export-model"] = typeof(ExportModelSettings),
        ["sweep"] = typeof(SweepSettings),
        ["report"] = typeof(ReportSettings),
    };

    /// <summary>Runs the CLI as the executable does: declared options in either spelling, one-line errors, exit codes 0/1/2.</summary>
    public static int Run(string[] args, CancellationToken cancellation = default) => UserErrors.Run(() =>
    {
        var app = new CommandApp();
        // The version names libtorch's, which loads TorchSharp's natives (0.3 s): only when it is asked for.
        bool versionAsked = args.Any(a => a is "--version" or "-v");
        app.Configure(config => Configure(config, versionAsked));
        return app.Run(OptionSpelling.Normalize(args, Commands), cancellation);
    });

    public static void Configure(IConfigurator config) => Configure(config, withVersion: true);

    /// <param name="withVersion">Whether <c>--version</c> can answer (computing its text loads the torch natives).</param>
    public static void Configure(IConfigurator config, bool withVersion)
    {
        config.SetApplicationName("semiseg");
        if (withVersion) config.SetApplicationVersion(VersionInfo.Text);
        config.PropagateExceptions();
        config.UseStrictParsing();
        // Help and parse errors go where every command writes (tests swap AnsiConsole.Console to read them).
        config.ConfigureConsole(AnsiConsole.Console);
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Zero-download demo: train a small delineator on synthetic ECGs (or prepared LUDB), test it, delineate a held-out record and plot it.")
            .WithExample("demo")
            .WithExample("demo", "--data_root", "prepared");
        config.AddBranch("data", DataCommands.Configure);
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Train from a base config and an optional override, keep the best checkpoints, then test.")
            .WithExample("train", "-f", "configs/base/resnet18/scratch.yaml", "-o", "configs/bench/ludb/1over16.yaml", "--data_root", "prepared");
        config.AddCommand<TestCommand>("test")
            .WithDescription("Test a run's best-MeanIoU checkpoint (or --model_path) and write test_outputs.npy / test_labels.npy / test_metrics.csv.")
            .WithExample("test", "-f", "configs/base/resnet18/scratch.yaml", "-o", "configs/bench/ludb/1over16.yaml", "--data_root", "prepared");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Paper metrics from test outputs: pooled and per-sample mIoU, PR/QRS/QT interval MAE, boundary F1; one row per run.")
            .WithExample("evaluate", "runs/resnet18/scratch/ludb/1over16", "runs/resnet18/fixmatch/ludb/1over16");
        config.AddCommand<DelineateCommand>("delineate")
            .WithDescription("Delineate recordings with a trained model: P/QRS/T waves, beats, PR/QRS/QT/QTc per lead and as a lead consensus.")
            .WithExample("delineate", "../shared/data/ludb/1", "--plot")
            .WithExample("delineate", "--model", "runs/resnet18/scratch/ludb/1over16", "../shared/data/ludb/1", "--format", "csv,json,wfdb", "--plot");
        config.AddCommand<DelineateEvalCommand>("delineate-eval")
            .WithDescription("Score a model's delineations as the literature does: per fiducial Se, PPV and mean ± SD error (ms) within ±150 ms, on LUDB's test split and QTDB's q1c beats.")
            .WithExample("delineate-eval", "--model", "runs/resnet18/scratch/ludb/1over16", "--ludb", "../shared/data/ludb", "--qtdb", "../shared/data/qtdb");
        config.AddCommand<ExportModelCommand>("export-model")
            .WithDescription("Write a trained model as one compact file: the network's weights (optionally fp16), its config and preprocessing, no training state; how the bundled models/delineator.ckpt is made.")
            .WithExample("export-model", "runs/resnet18_unet/scratch/ludb-all", "--out", "models/delineator.ckpt", "--fp16");
        config.AddCommand<SweepCommand>("sweep")
            .WithDescription("Run the benchmark grid (backbones × algorithms × datasets × ratios × seeds) as separate train processes; skips finished runs, resumes interrupted ones; --emit-slurm writes a Slurm array instead.")
            .WithExample("sweep", "--backbones", "resnet18,vit_tiny", "--algorithms", "scratch,fixmatch", "--datasets", "ludb", "--ratios", "16,8", "--seeds", "0-2", "--data_root", "prepared", "--jobs", "2");
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Collect every tested run under a folder into paper-style tables (mean ± SD over seeds) as Markdown and CSV, plus mIoU-vs-ratio plots.")
            .WithExample("report", "runs/sweep");
    }
}
