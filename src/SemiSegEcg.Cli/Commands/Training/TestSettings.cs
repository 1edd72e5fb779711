using System.ComponentModel;
using SemiSegEcg.Config;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Training;

public sealed class TestSettings : ExperimentSettings
{
    [CommandOption("--model_path <FILE>")]
    [Description("Checkpoint to test (default: best-MeanIoU.ckpt of the run); an original PyTorch .pth works too.")]
    public string? ModelPath { get; init; }

    public override CliOverrides ToOverrides() => base.ToOverrides() with { ModelPath = ModelPath };
}
