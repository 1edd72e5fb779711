using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>TensorBoard event files in the run directory (the original's SummaryWriter log dir is the run dir); each scalar is appended as it comes.</summary>
public sealed class TensorBoardLog
{
    public const string ValidLossTag = "perf/valid_loss";
    public const string MeanIouTag = "perf/MeanIoU";

    private readonly SummaryWriter _writer;

    /// <summary>
    /// Opens a new event file after dropping, from the run's existing ones, every scalar at or after
    /// <paramref name="firstEpoch"/> (those epochs are about to be logged again: a resume, or a fresh start at 0).
    /// </summary>
    public TensorBoardLog(string directory, int firstEpoch = 0)
    {
        TensorBoardEventFiles.Truncate(directory, (tag, x) => x < (IsEpochTag(tag) ? firstEpoch : IterationX(firstEpoch, 0, 1)));
        _writer = utils.tensorboard.SummaryWriter(directory, createRunName: false);
    }

    /// <summary>Per-iteration scalars go to x = int((epoch + step/steps)·1000), as in the original.</summary>
    public static int IterationX(int epoch, int step, int stepsPerEpoch) => (int)((epoch + (double)step / stepsPerEpoch) * 1000);

    public void Scalar(string tag, double value, int x) => _writer.add_scalar(tag, (float)value, x);

    /// <summary>Per-epoch scalars (validation) go to x = epoch.</summary>
    public void EpochScalar(string tag, double value, int epoch)
    {
        if (!IsEpochTag(tag)) throw new ArgumentException($"'{tag}' is not a per-epoch tag", nameof(tag));
        _writer.add_scalar(tag, (float)value, epoch);
    }

    private static bool IsEpochTag(string tag) => tag is ValidLossTag or MeanIouTag;
}
