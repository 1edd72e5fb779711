using System.ComponentModel;
using SemiSegEcg.Config;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Training;

/// <summary>The options every experiment command shares: the config pair and the original's CLI overrides.</summary>
public class ExperimentSettings : CommandSettings
{
    [CommandOption("-f|--config_path <FILE>")]
    [Description("Base config, e.g. configs/base/resnet18/scratch.yaml.")]
    public string ConfigPath { get; init; } = "";

    [CommandOption("-o|--override_config_path <FILE>")]
    [Description("Override merged on top, e.g. configs/bench/ludb/1over16.yaml.")]
    public string? OverrideConfigPath { get; init; }

    [CommandOption("--output_dir <DIR>")]
    public string? OutputDir { get; init; }

    [CommandOption("--exp_name <NAME>")]
    public string? ExpName { get; init; }

    [CommandOption("--seed <N>")]
    public int? Seed { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu or cuda.")]
    public string? Device { get; init; }

    [CommandOption("--data_root <DIR>")]
    [Description("Root of the prepared databases (default: data_root in the config, else $SEMISEG_DATA).")]
    public string? DataRoot { get; init; }

    [CommandOption("--threads <N>")]
    [Description("CPU threads for torch (default: all cores). Two runs side by side on 2 cores: --threads 1 each.")]
    public int? Threads { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Training budget: train.epochs = N and train.warmup_epochs = max(1, round(N/10)), as sweep and demo do; --set comes after it. On test it only rebuilds the training's config (testing does not use the budget).")]
    public int? Epochs { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override any config key, e.g. --set train.epochs=30 (repeatable).")]
    public string[] Set { get; init; } = [];

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(ConfigPath) ? ValidationResult.Error("-f/--config_path <FILE> is required")
        : Threads is < 1 ? ValidationResult.Error("--threads must be at least 1")
        : Epochs is < 1 ? ValidationResult.Error($"--epochs must be at least 1, got {Epochs}")
        : ValidationResult.Success();

    public virtual CliOverrides ToOverrides() => new()
    {
        OutputDir = OutputDir,
        ExpName = ExpName,
        Seed = Seed,
        Device = Device,
        DataRoot = DataRoot,
        Set = [.. EpochBudget.Assignments(Epochs), .. Set],
    };

    /// <summary>Loads the config pair with the overrides, after applying <c>--threads</c>.</summary>
    public LoadedConfig Load()
    {
        if (Threads is int n) TorchSharp.torch.set_num_threads(n);
        return ConfigLoader.Load(ConfigPath, OverrideConfigPath, ToOverrides());
    }
}
