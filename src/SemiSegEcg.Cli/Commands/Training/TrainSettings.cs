using System.ComponentModel;
using SemiSegEcg.Config;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Training;

public sealed class TrainSettings : ExperimentSettings
{
    [CommandOption("--resume <CHECKPOINT>")]
    [Description("Continue a run exactly from a checkpoint (e.g. runs/.../last.ckpt).")]
    public string? Resume { get; init; }

    [CommandOption("--start_epoch <N>")]
    [Description("Accepted for compatibility with the original; a resumed run starts after the checkpoint's epoch.")]
    public int? StartEpoch { get; init; }

    [CommandOption("--step-matched")]
    [Description("Supervised baseline with as many optimizer steps as the semi-supervised methods (labeled set oversampled to the unlabeled size).")]
    public bool StepMatched { get; init; }

    [CommandOption("--no-test")]
    [Description("Skip the test that runs after training.")]
    public bool NoTest { get; init; }

    public override CliOverrides ToOverrides()
    {
        var shared = base.ToOverrides();
        return shared with
        {
            Resume = Resume,
            StartEpoch = StartEpoch,
            Set = StepMatched ? [.. shared.Set, "train.step_matched=true"] : shared.Set,
        };
    }
}
