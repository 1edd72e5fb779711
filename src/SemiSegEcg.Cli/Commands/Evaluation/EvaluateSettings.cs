using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Evaluation;

public sealed class EvaluateSettings : CommandSettings
{
    [CommandArgument(0, "<RUN_DIR>")]
    [Description("Run folders holding test_outputs.npy and test_labels.npy.")]
    public string[] RunDirectories { get; init; } = [];

    [CommandOption("--fs <HZ>")]
    [Description("Sampling rate of the stored outputs (default 250).")]
    [DefaultValue(250.0)]
    public double SamplingRateHz { get; init; } = 250;

    [CommandOption("--csv <FILE>")]
    [Description("Also write every metric of every run to this CSV file.")]
    public string? Csv { get; init; }

    public override ValidationResult Validate() =>
        RunDirectories.Length == 0 ? ValidationResult.Error("give at least one run folder")
        : SamplingRateHz <= 0 ? ValidationResult.Error("--fs must be positive")
        : ValidationResult.Success();
}
