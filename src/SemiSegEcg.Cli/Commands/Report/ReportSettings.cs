using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Report;

public sealed class ReportSettings : CommandSettings
{
    [CommandArgument(0, "<RUN_ROOT>")]
    [Description("Folder searched for tested runs (folders with config.yaml and test_outputs.npy, or evaluation.json as under results/), e.g. runs/sweep.")]
    public string RunRoot { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("Where report.md, report.csv and ratio_<dataset>.png go (default: RUN_ROOT).")]
    public string? Out { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Report only runs trained for N epochs (runs with different budgets are never mixed in one table).")]
    public int? Epochs { get; init; }

    [CommandOption("--test-samples <N>")]
    [Description("Report only runs tested on N samples (runs of one dataset on different test sets are never mixed).")]
    public int? TestSamples { get; init; }

    [CommandOption("--baseline <METHOD>")]
    [Description("Method the others are compared with, paired by label draw and seed (95 % CI, paired t): scratch_step_matched (default, when present), scratch, fixmatch, …")]
    public string? Baseline { get; init; }

    [CommandOption("--into <FILE>")]
    [Description("Also write the tables into FILE (e.g. RESULTS.md), between its '<!-- semiseg report --into: begin … -->' and '… end -->' lines; the rest of FILE is kept.")]
    public string? Into { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(RunRoot) ? ValidationResult.Error("give the run root")
        : Epochs is < 1 ? ValidationResult.Error($"--epochs must be at least 1, got {Epochs}")
        : TestSamples is < 1 ? ValidationResult.Error($"--test-samples must be at least 1, got {TestSamples}")
        : ValidationResult.Success();
}
