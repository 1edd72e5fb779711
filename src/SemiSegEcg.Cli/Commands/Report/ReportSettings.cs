using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Report;

public sealed class ReportSettings : CommandSettings
{
    [CommandArgument(0, "<RUN_ROOT>")]
    [Description("Folder searched for tested runs (folders with config.yaml and test_outputs.npy), e.g. runs/sweep.")]
    public string RunRoot { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("Where report.md, report.csv and ratio_<dataset>.png go (default: RUN_ROOT).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(RunRoot) ? ValidationResult.Error("give the run root") : ValidationResult.Success();
}
