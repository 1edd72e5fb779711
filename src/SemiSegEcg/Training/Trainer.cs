using System.Diagnostics;
using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Inference;
using SemiSegEcg.Training.Checkpoints;
using SemiSegEcg.Training.Pipeline;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>
/// The shared training loop: epochs and iterations, loaders, the per-iteration LR schedule, backward and optimizer
/// steps inside one dispose scope per step, validation every epoch, best/last checkpoints, logs, and exact resume.
/// Methods only define their step (<see cref="ISegmentationAlgorithm"/>); adding one never touches this class.
/// </summary>
public sealed class Trainer
{
    private readonly TrainerSettings _settings;
    private readonly ISegmentationAlgorithm _algorithm;
    private readonly TrainingData _data;
    private readonly RunDirectory _run;
    private readonly string _configYaml;
    private readonly ITrainingObserver _observer;

    public Trainer(TrainerSettings settings, ISegmentationAlgorithm algorithm, TrainingData data, RunDirectory run,
        string configYaml, ITrainingObserver? observer = null)
    {
        _settings = settings;
        _algorithm = algorithm;
        _data = data;
        _run = run;
        _configYaml = configYaml;
        _observer = observer ?? NullTrainingObserver.Instance;
        if (algorithm.DataNeeds.UsesUnlabeled && data.Unlabeled is null)
            throw new ArgumentException($"{algorithm.Name} needs an unlabeled split (dataset.train_unlabeled_csv)");
    }

    public TrainingOutcome Fit(CancellationToken cancellation = default)
    {
        _run.Create();
        var optimizers = _algorithm.TrainedNetworks.Select(n => OptimizerFactory.Create(n.Model, _settings)).ToList();
        try
        {
            return Fit(optimizers, cancellation);
        }
        finally
        {
            foreach (var o in optimizers) o.Optimizer.Dispose();
        }
    }

    private TrainingOutcome Fit(List<BuiltOptimizer> optimizers, CancellationToken cancellation)
    {
        int startEpoch = 0;
        double bestLoss = double.PositiveInfinity, bestIou = double.NegativeInfinity;
        int bestIouEpoch = -1;
        if (_settings.ResumePath is string resume)
        {
            var meta = CheckpointStore.ReadMetadata(resume);
            if (meta.Algorithm != _algorithm.Name)
                throw new InvalidDataException($"{resume}: checkpoint of '{meta.Algorithm}' cannot resume a '{_algorithm.Name}' run");
            CheckpointStore.LoadNetworks(resume, Checkpointed());
            CheckpointStore.LoadTrainingState(resume, optimizers.Select(o => o.Optimizer).ToList());
            (startEpoch, bestLoss, bestIou) = (meta.Epoch + 1, meta.BestLoss, meta.BestMeanIou);
            RunLog.TruncateFrom(_run.LogFile, startEpoch);
            _observer.OnMessage($"resumed from {resume} (epoch {meta.Epoch + 1} done)");
        }
        else if (File.Exists(_run.LogFile))
        {
            File.Delete(_run.LogFile);
        }

        bool usesUnlabeled = _algorithm.DataNeeds.UsesUnlabeled;
        int? unlabeledCount = _data.Unlabeled?.Count;
        int? oversampleTo = usesUnlabeled || _settings.StepMatched
            ? unlabeledCount ?? throw new ArgumentException("step-matched training needs an unlabeled split to match (dataset.train_unlabeled_csv)")
            : null;
        var producer = new BatchProducer(_data.Labeled, usesUnlabeled ? _data.Unlabeled : null, _data.LabeledRecipe,
            _data.UnlabeledRecipe, _data.LengthSamples, _settings.Workers);
        var schedule = new CosineWarmupSchedule(_settings.Lr, _settings.MinLr, _settings.WarmupEpochs, _settings.Epochs);
        var history = new List<EpochMetrics>();
        int stepsPerEpoch = EpochPlan.Create(_data.Labeled.Count, usesUnlabeled ? unlabeledCount : null, oversampleTo,
            _settings.BatchSize, _settings.Seed, 0).Steps;
        _observer.OnRunStarted(startEpoch, _settings.Epochs, stepsPerEpoch);

        var board = new TensorBoardLog(_run.Path);
        for (int epoch = startEpoch; epoch < _settings.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var plan = EpochPlan.Create(_data.Labeled.Count, usesUnlabeled ? unlabeledCount : null, oversampleTo,
                _settings.BatchSize, _settings.Seed, epoch);
            foreach (var network in _algorithm.TrainedNetworks) network.Model.train();
            var meters = new MeterSet();
            foreach (var batches in producer.Epoch(plan, _settings.Seed, epoch, cancellation: cancellation))
            {
                var context = new StepContext(epoch, batches.Step, plan.Steps, (long)epoch * plan.Steps + batches.Step);
                double lr = schedule.At(context.FractionalEpoch);
                TrainStep(batches, context, lr, optimizers, meters, board);
            }

            _observer.OnValidation(epoch);
            var valid = EvaluationPass.Run(_algorithm.EvaluationModel, _data.Valid, _settings.BatchSize, cancellation: cancellation);
            var metrics = new EpochMetrics(epoch, meters.Averages(), valid.MeanLoss, valid.MeanIou, valid.Pooled.Mean, clock.Elapsed);
            history.Add(metrics);
            RunLog.Append(_run.LogFile, metrics);
            board.Scalar("perf/valid_loss", valid.MeanLoss, epoch);
            board.Scalar("perf/MeanIoU", valid.MeanIou, epoch);

            var improved = new List<string>();
            if (valid.MeanLoss < bestLoss) { bestLoss = valid.MeanLoss; improved.Add(RunDirectory.BestLoss); }
            if (valid.MeanIou > bestIou) { bestIou = valid.MeanIou; bestIouEpoch = epoch; improved.Add(RunDirectory.BestMeanIou); }
            var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, _algorithm.Name, epoch,
                new Dictionary<string, double> { ["loss"] = valid.MeanLoss, ["MeanIoU"] = valid.MeanIou, ["mIoU_pooled"] = valid.Pooled.Mean },
                bestLoss, bestIou, _algorithm.CheckpointedNetworks.Select(n => n.Key).ToList(), optimizers.Count,
                _settings.Stage, DateTimeOffset.UtcNow);
            var names = improved.Append(RunDirectory.Last).ToList();
            if (_settings.ExtraCheckpointEpochs.Contains(epoch + 1)) names.Add($"checkpoint-{epoch + 1}");
            foreach (string name in names)
                CheckpointStore.Save(_run.Checkpoint(name), meta, _configYaml, Checkpointed(), optimizers.Select(o => o.Optimizer).ToList());
            _observer.OnEpochCompleted(metrics, improved);
        }
        return new TrainingOutcome(_settings.Epochs - startEpoch, bestLoss, bestIou, bestIouEpoch, history);
    }

    private void TrainStep(StepBatches batches, StepContext context, double lr, List<BuiltOptimizer> optimizers,
        MeterSet meters, TensorBoardLog board)
    {
        using var scope = NewDisposeScope();
        foreach (var o in optimizers) o.SetLearningRate(lr);
        var input = ToTensors(batches);
        var result = _algorithm.TrainStep(input, context);
        if (result.Losses.Count != optimizers.Count)
            throw new InvalidOperationException($"{_algorithm.Name} returned {result.Losses.Count} losses for {optimizers.Count} optimizers");

        for (int i = 0; i < optimizers.Count; i++)
        {
            float value = result.Losses[i].item<float>();
            if (!float.IsFinite(value))
            {
                throw new TrainingDivergedException(
                    $"loss of network {i + 1} is {value} at epoch {context.Epoch + 1}, step {context.Step + 1}; training stopped, " +
                    $"the last completed epoch is kept in {_run.Checkpoint(RunDirectory.Last)} (try a lower lr or check the data)");
            }
        }
        for (int i = 0; i < optimizers.Count; i++)
        {
            var optimizer = optimizers[i].Optimizer;
            optimizer.zero_grad();
            result.Losses[i].backward();
            if (_settings.MaxNorm is double maxNorm)
                nn.utils.clip_grad_norm_(_algorithm.TrainedNetworks[i].Model.parameters(), maxNorm);
            optimizer.step();
        }
        _algorithm.AfterOptimizerStep(context);

        int x = TensorBoardLog.IterationX(context.Epoch, context.Step, context.StepsPerEpoch);
        foreach (var scalar in result.Logs)
        {
            double value = scalar.Value.item<float>();
            meters.Add(scalar.Name, value);
            board.Scalar(scalar.Name, value, x);
        }
        meters.Add("lr", lr);
        board.Scalar("lr", lr, x);
        _observer.OnStep(context.Epoch, context.Step, context.StepsPerEpoch, result.Logs.Count > 0 ? result.Logs[0].Value.item<float>() : double.NaN, lr);
    }

    private static StepInput ToTensors(StepBatches batches)
    {
        var l = batches.Labeled;
        var labeled = tensor(l.Weak, [l.BatchSize, 1, l.LengthSamples]);
        var masks = tensor(l.Masks!, [l.BatchSize, l.LengthSamples]);
        Tensor? weak = null;
        var strong = new List<Tensor>();
        if (batches.Unlabeled is { } u)
        {
            weak = tensor(u.Weak, [u.BatchSize, 1, u.LengthSamples]);
            strong.AddRange(u.Strong.Select(s => tensor(s, [u.BatchSize, 1, u.LengthSamples])));
        }
        return new StepInput(labeled, masks, weak, strong);
    }

    private List<(string Key, nn.Module Module)> Checkpointed() =>
        _algorithm.CheckpointedNetworks.Select(n => (n.Key, (nn.Module)n.Model)).ToList();
}
