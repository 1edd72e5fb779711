using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Inference;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments;

/// <summary>The <see cref="StageContext"/> of one training run: its config's model, its loaded data, its stage folders.</summary>
/// <param name="newTrainable">A network to train, initialised as the config says (pretrained backbone, frozen backbone);
/// networks loaded whole from a stage's checkpoint are built plain.</param>
internal sealed class RunStageContext(ExperimentConfig config, RunDirectory run, TrainingData data, Func<EncoderDecoder> newTrainable,
    ITrainingObserver observer, CancellationToken cancellation) : StageContext
{
    /// <summary>The folder a stage trains in.</summary>
    public static RunDirectory DirectoryOf(RunDirectory run, TrainingStage stage) =>
        stage.Folder is null ? run : new RunDirectory(run.Combine(stage.Folder));

    public override int Epochs => config.Train.Epochs;

    public override IReadOnlyList<EcgSample> Unlabeled =>
        data.Unlabeled ?? throw new InvalidOperationException($"{config.Algorithm.Name}: the run has no unlabeled split (dataset.train_unlabeled_csv)");

    public override EncoderDecoder CreateModel() => newTrainable();

    public override EncoderDecoder LoadBestModel(string stage) => Load(Folder(stage).Checkpoint(RunDirectory.BestMeanIou));

    // The trainer names the checkpoints it keeps after an epoch checkpoint-<epoch> (TrainerSettings.ExtraCheckpointEpochs).
    public override EncoderDecoder LoadModelAfterEpoch(string stage, int epoch) => Load(Folder(stage).Checkpoint($"checkpoint-{epoch}"));

    public override long[][] PredictLabels(EncoderDecoder model, IReadOnlyList<EcgSample> samples) =>
        BatchedInference.PredictLabels(model, samples, config.Dataloader.BatchSize, cancellation);

    public override void WriteFile(string stage, string fileName, string text) => AtomicFile.WriteAllText(Folder(stage).Combine(fileName), text);

    public override void Report(string message) => observer.OnMessage(message);

    private RunDirectory Folder(string stage) =>
        DirectoryOf(run, config.Algorithm.Entry.StageLayout.SingleOrDefault(s => s.Name == stage)
            ?? throw new ArgumentException($"{config.Algorithm.Name} has no stage '{stage}'", nameof(stage)));

    private EncoderDecoder Load(string checkpoint)
    {
        var model = ExperimentModels.Create(config);
        try
        {
            CheckpointStore.LoadNetworks(checkpoint, [("model", model)]);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
