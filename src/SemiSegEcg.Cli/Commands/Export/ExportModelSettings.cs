using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Export;

public sealed class ExportModelSettings : CommandSettings
{
    [CommandArgument(0, "<RUN_OR_CHECKPOINT>")]
    [Description("A run folder (its best-MeanIoU.ckpt, else last.ckpt) or one of our .ckpt checkpoints.")]
    public string Source { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("The model file to write (a .ckpt holding the network, its config and preprocessing; no training state).")]
    public string Out { get; init; } = "";

    [CommandOption("--fp16")]
    [Description("Store the weights as fp16 (half the size; they are computed in fp32 after loading).")]
    public bool HalfPrecision { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Source) ? ValidationResult.Error("give the run folder or checkpoint to export")
        : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out <FILE> is required")
        : !Out.EndsWith(".ckpt", StringComparison.OrdinalIgnoreCase) ? ValidationResult.Error($"--out {Out}: a model file ends in .ckpt (it is read as one of our checkpoints)")
        : ValidationResult.Success();
}
