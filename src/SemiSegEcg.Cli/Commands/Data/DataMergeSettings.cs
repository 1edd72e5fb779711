using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Data;

public sealed class DataMergeSettings : CommandSettings
{
    [CommandArgument(0, "<databases>")]
    [Description("Prepared database folders (from 'data prepare'), e.g. prepared/ludb prepared/qtdb prepared/ptbxl.")]
    public string[] Databases { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("Output folder; merged paths are relative to its parent (the data root), so use <data_root>/merged for configs/bench/cross_domain/merged.yaml.")]
    public string Out { get; init; } = "";

    [CommandOption("--ratio <N>")]
    [Description("Labeled training set = 1/N of each labeled database (its train_labeled_1overN index); default 1 = the full training sets.")]
    [DefaultValue(1)]
    public int Ratio { get; init; } = 1;

    public override ValidationResult Validate()
    {
        if (Databases.Length == 0) return ValidationResult.Error("give at least one prepared database folder");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out <DIR> is required");
        if (Ratio < 1) return ValidationResult.Error($"--ratio must be at least 1 (1/N of each training set), not {Ratio}");
        return ValidationResult.Success();
    }
}
