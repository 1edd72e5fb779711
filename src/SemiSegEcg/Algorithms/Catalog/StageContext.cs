using SemiSegEcg.Data.Samples;
using SemiSegEcg.Models;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// What a stage sees of its run when it is prepared: the budget, the data, fresh networks and the networks earlier
/// stages saved. The training path implements it (Experiments), so a method that trains in stages needs no access to
/// the trainer, checkpoint or inference layers above it.
/// </summary>
public abstract class StageContext
{
    /// <summary>Epochs of every stage (<c>train.epochs</c>).</summary>
    public abstract int Epochs { get; }

    /// <summary>The run's unlabeled set, preprocessed and unaugmented.</summary>
    public abstract IReadOnlyList<EcgSample> Unlabeled { get; }

    /// <summary>A freshly initialised network to train (from the seeded generator, in call order), with the config's pretrained or frozen backbone.</summary>
    public abstract EncoderDecoder CreateModel();

    /// <summary>A fresh network with the weights of the best validation MeanIoU of the earlier stage <paramref name="stage"/>.</summary>
    public abstract EncoderDecoder LoadBestModel(string stage);

    /// <summary>A fresh network with the weights the earlier stage <paramref name="stage"/> kept after <paramref name="epoch"/> (see <see cref="StageSetup.KeepCheckpointsAfterEpochs"/>).</summary>
    public abstract EncoderDecoder LoadModelAfterEpoch(string stage, int epoch);

    /// <summary>Eval-mode argmax labels of <paramref name="model"/> for each sample.</summary>
    public abstract long[][] PredictLabels(EncoderDecoder model, IReadOnlyList<EcgSample> samples);

    /// <summary>Writes (atomically) a file into the folder of the stage <paramref name="stage"/>.</summary>
    public abstract void WriteFile(string stage, string fileName, string text);

    /// <summary>A progress line for the user.</summary>
    public abstract void Report(string message);
}
