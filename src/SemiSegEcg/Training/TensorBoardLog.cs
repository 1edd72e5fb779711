using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>TensorBoard event files in the run directory (the original's SummaryWriter log dir is the run dir); each scalar is appended as it comes.</summary>
public sealed class TensorBoardLog
{
    private readonly SummaryWriter _writer;

    public TensorBoardLog(string directory) => _writer = utils.tensorboard.SummaryWriter(directory, createRunName: false);

    /// <summary>Per-iteration scalars go to x = int((epoch + step/steps)·1000), as in the original.</summary>
    public static int IterationX(int epoch, int step, int stepsPerEpoch) => (int)((epoch + (double)step / stepsPerEpoch) * 1000);

    public void Scalar(string tag, double value, int x) => _writer.add_scalar(tag, (float)value, x);
}
