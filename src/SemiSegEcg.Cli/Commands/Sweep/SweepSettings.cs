using System.ComponentModel;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Experiments.Sweep;
using SemiSegEcg.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Sweep;

public sealed class SweepSettings : CommandSettings
{
    [CommandOption("--backbones <LIST>")]
    [Description("Model folders of configs/base, one per backbone and head (default: every shipped backbone with the original's FCN head).")]
    public string Backbones { get; init; } = string.Join(',', ShippedModels.Default);

    [CommandOption("--algorithms <LIST>")]
    [Description("Config names in configs/base/<backbone>/ (default: every method of the catalog, in benchmark order).")]
    public string Algorithms { get; init; } = string.Join(',', MethodCatalog.ConfigNames);

    [CommandOption("--datasets <LIST>")]
    [Description("Folders of configs/bench: a benchmarked database (one run per ratio) or merged (cross-domain: one run, ratios ignored). Default: every benchmarked database of the catalog.")]
    public string Datasets { get; init; } = string.Join(',', DatabaseCatalog.Benchmarked.Select(d => d.Key));

    [CommandOption("--ratios <LIST>")]
    [Description("Labeled fractions 1/N.")]
    [DefaultValue("16,8,4,2")]
    public string Ratios { get; init; } = "16,8,4,2";

    [CommandOption("--seeds <LIST>")]
    [Description("Seeds, e.g. 0,1,2 or 0-2.")]
    [DefaultValue("0")]
    public string Seeds { get; init; } = "0";

    [CommandOption("--draws <LIST>")]
    [Description("Label draws (made by data prepare --label-draws), e.g. 0-2. Draw 0 (default) is the usual labeled index; draw k trains on …_1over<N>_draw<k>.csv in the run folder …/1over<N>/draw<k>/seed<s>.")]
    public string? Draws { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Training budget for every run (train.epochs), with train.warmup_epochs = max(1, round(N/10)). Default: the configs' (100).")]
    public int? Epochs { get; init; }

    [CommandOption("--jobs <K>")]
    [Description("Runs at a time, each with --threads max(1, cores/K) (default 1). With --emit-slurm: the array's task limit.")]
    public int? Jobs { get; init; }

    [CommandOption("--gpus <IDS>")]
    [Description("CUDA devices, e.g. 0,1: one run per GPU at a time (CUDA_VISIBLE_DEVICES=<id>, --device cuda).")]
    public string? Gpus { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Torch threads per run (default: cores shared between the parallel runs).")]
    public int? Threads { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu or cuda for every run (default: the configs').")]
    public string? Device { get; init; }

    [CommandOption("--data_root <DIR>")]
    [Description("Root of the prepared databases (default: $SEMISEG_DATA).")]
    public string? DataRoot { get; init; }

    [CommandOption("--output_root <DIR>")]
    [Description("Runs go to <DIR>/<backbone>/<algorithm>/<dataset>/1over<N>/seed<k>.")]
    [DefaultValue("runs/sweep")]
    public string OutputRoot { get; init; } = "runs/sweep";

    [CommandOption("--configs <DIR>")]
    [Description("The configs folder (base/ and bench/).")]
    [DefaultValue("configs")]
    public string Configs { get; init; } = "configs";

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Config override for every run, e.g. --set dataloader.batch_size=32 (repeatable; applied after --epochs).")]
    public string[] Set { get; init; } = [];

    [CommandOption("--dry-run")]
    [Description("Show each run's state and the exact command it would run; run nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--emit-slurm <FILE>")]
    [Description("Write a Slurm array script for the grid instead of running it (re-submitting it continues the grid).")]
    public string? EmitSlurm { get; init; }

    [CommandOption("--slurm-partition <NAME>")]
    public string? SlurmPartition { get; init; }

    [CommandOption("--slurm-gpus-per-task <N>")]
    [Description("Default: 1 with --gpus or --device cuda, else 0.")]
    public int? SlurmGpusPerTask { get; init; }

    [CommandOption("--slurm-cpus-per-task <N>")]
    [DefaultValue(4)]
    public int SlurmCpusPerTask { get; init; } = 4;

    [CommandOption("--slurm-time <LIMIT>")]
    [Description("Wall-clock limit per task.")]
    [DefaultValue("24:00:00")]
    public string SlurmTime { get; init; } = "24:00:00";

    [CommandOption("--slurm-mem <SIZE>")]
    [Description("Memory per task, e.g. 16G (default: the cluster's).")]
    public string? SlurmMemory { get; init; }

    [CommandOption("--slurm-job-name <NAME>")]
    [DefaultValue("semiseg-sweep")]
    public string SlurmJobName { get; init; } = "semiseg-sweep";

    public override ValidationResult Validate() =>
        Jobs is < 1 ? ValidationResult.Error("--jobs must be at least 1")
        : Threads is < 1 ? ValidationResult.Error("--threads must be at least 1")
        : Epochs is < 1 ? ValidationResult.Error("--epochs must be at least 1")
        : Jobs is not null && Gpus is not null && EmitSlurm is null ? ValidationResult.Error("--gpus runs one job per GPU; leave out --jobs")
        : Device is not (null or "cpu" or "cuda") ? ValidationResult.Error("--device must be cpu or cuda")
        : ValidationResult.Success();

    public SweepRequest ToRequest() => new(
        SweepGrid.ParseNames(Backbones), SweepGrid.ParseNames(Algorithms), SweepGrid.ParseNames(Datasets),
        SweepGrid.ParseIntegers(Ratios, "--ratios"), SweepGrid.ParseIntegers(Seeds, "--seeds"),
        Configs, OutputRoot, Epochs, Set, Draws is null ? null : SweepGrid.ParseIntegers(Draws, "--draws"));

    public IReadOnlyList<int>? GpuIds => Gpus is null ? null : SweepGrid.ParseIntegers(Gpus, "--gpus");

    public SweepRunnerOptions ToRunnerOptions() => new(Jobs ?? 1, GpuIds, Threads, DataRoot, Device);
}
