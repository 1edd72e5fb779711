using System.Globalization;
using System.Text;
using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Inference;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments;

/// <summary>
/// ST++ (spec §4.7) as three runs of the shared trainer: stage 1 supervised in <c>stage1/</c> (keeping checkpoints at
/// E/3, 2E/3 and E), the reliability ranking of every unlabeled sample (<c>stage1/reliability.csv</c>), stage 2
/// self-training on the reliable half in <c>stage2/</c>, stage 3 on all unlabeled data in the run folder itself (which
/// <c>test</c> reads). With <c>--resume</c>, finished stages are skipped and an unfinished one continues from its
/// <c>last.ckpt</c>.
/// </summary>
public static class StPlusPlusRun
{
    public static TrainingOutcome Train(LoadedConfig loaded, string configYaml, DatasetPaths paths, ITrainingObserver observer,
        CancellationToken cancellation, ICollection<string>? warnings)
    {
        var config = loaded.Config;
        var run = new RunDirectory(config.RunDirectory);
        bool resume = config.Resume is not null;
        var data = ExperimentData.LoadTraining(loaded, paths, new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 0), warnings, observer.OnMessage);
        var unlabeled = data.Unlabeled!;
        var settings = TrainerSettings.From(config) with { ResumePath = null, StepMatched = false };
        int epochs = settings.Epochs;
        int[] marks = [Math.Max(1, epochs / 3), Math.Max(1, 2 * epochs / 3), epochs];
        EncoderDecoder NewModel() => ExperimentModels.Create(config);

        var stage1 = new RunDirectory(run.Combine("stage1"));
        observer.OnMessage("ST++ stage 1/3: supervised on the labeled set");
        RunStage(stage1, epochs, resume, settings with { ExtraCheckpointEpochs = marks, Stage = "stage1" }, configYaml, observer, cancellation,
            () => new Supervised(NewModel()), data);

        observer.OnMessage($"ST++ ranking {unlabeled.Count} unlabeled samples by the agreement of checkpoints {marks[0]} and {marks[1]} with {marks[2]}");
        var predictions = marks.Select(m => Predict(stage1.Checkpoint($"checkpoint-{m}"), NewModel, unlabeled, settings.BatchSize, cancellation)).ToList();
        double[] scores = ReliabilityRanking.Scores(predictions.Take(2).ToList(), predictions[2]);
        bool referenceSelection = config.Algorithm.Options is StPlusPlus.Options { StppReferenceSelection: true };
        int[] reliable = ReliabilityRanking.SelectReliable(scores, referenceSelection);
        WriteReliability(stage1.Combine("reliability.csv"), unlabeled, scores, reliable);
        if (referenceSelection)
            observer.OnMessage($"stpp_reference_selection: reproducing the original's bug, the reliable set is sample '{unlabeled[reliable[0]].Name}' repeated {reliable.Length} times");

        var stage2 = new RunDirectory(run.Combine("stage2"));
        observer.OnMessage($"ST++ stage 2/3: self-training on the {reliable.Length} most reliable pseudo-labelled samples");
        RunStage(stage2, epochs, resume, settings with { Stage = "stage2" }, configYaml, observer, cancellation,
            () => new StPlusPlus(NewModel(), Teacher(stage1, NewModel)), data with { Unlabeled = reliable.Select(i => unlabeled[i]).ToList() });

        observer.OnMessage("ST++ stage 3/3: self-training on every unlabeled sample");
        return RunStage(run, epochs, resume, settings with { Stage = "stage3" }, configYaml, observer, cancellation,
            () => new StPlusPlus(NewModel(), Teacher(stage2, NewModel)), data)
            ?? throw new InvalidOperationException($"ST++ is already complete in {run.Path}; run `semiseg test` on it");
    }

    /// <summary>Trains one stage, or skips it when its last checkpoint already covers every epoch (resume).</summary>
    private static TrainingOutcome? RunStage(RunDirectory dir, int epochs, bool resume, TrainerSettings settings, string configYaml,
        ITrainingObserver observer, CancellationToken cancellation, Func<ISegmentationAlgorithm> createAlgorithm, TrainingData data)
    {
        string last = dir.Checkpoint(RunDirectory.Last);
        if (resume && File.Exists(last))
        {
            var meta = CheckpointStore.ReadMetadata(last);
            if (meta.Stage == settings.Stage && meta.CompletesTraining(epochs))
            {
                observer.OnMessage($"{settings.Stage} already complete ({last}); skipped");
                return null;
            }
            if (meta.Stage == settings.Stage) settings = settings with { ResumePath = last };
        }
        using var algorithm = createAlgorithm();
        return new Trainer(settings, algorithm, data, dir, configYaml, observer).Fit(cancellation);
    }

    private static EncoderDecoder Teacher(RunDirectory stage, Func<EncoderDecoder> newModel)
    {
        var teacher = newModel();
        CheckpointStore.LoadNetworks(stage.Checkpoint(RunDirectory.BestMeanIou), [("model", teacher)]);
        return teacher;
    }

    private static long[][] Predict(string checkpoint, Func<EncoderDecoder> newModel, IReadOnlyList<EcgSample> samples, int batchSize,
        CancellationToken cancellation)
    {
        using var model = newModel();
        CheckpointStore.LoadNetworks(checkpoint, [("model", model)]);
        return BatchedInference.PredictLabels(model, samples, batchSize, cancellation);
    }

    private static void WriteReliability(string path, IReadOnlyList<EcgSample> samples, double[] scores, int[] reliable)
    {
        var rank = new Dictionary<int, int>();
        for (int r = 0; r < reliable.Length; r++) rank.TryAdd(reliable[r], r + 1);
        var text = new StringBuilder("index,waveform,reliability,reliable_rank\n");
        for (int i = 0; i < samples.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{samples[i].Name},{scores[i]:R},");
            if (rank.TryGetValue(i, out int r)) text.Append(r);
            text.Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
