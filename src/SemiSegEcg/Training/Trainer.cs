using System.Diagnostics;
using SemiSegEcg.Algorithms;
using SemiSegEcg.Inference;
using SemiSegEcg.IO;
using SemiSegEcg.Training.Checkpoints;
using SemiSegEcg.Training.Pipeline;
using SemiSegEcg.Optimization;
using static TorchSharp.torch;

namespace SemiSegEcg.Training;

/// <summary>
/// The shared training loop: epochs and iterations, loaders, the per-iteration LR schedule, backward and optimizer
/// steps inside one dispose scope per step (gradients optionally accumulated over <c>train.accum_iter</c> iterations),
/// validation every epoch, best/last checkpoints, logs, exact resume, and optional early stopping on validation MeanIoU.
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
        _run.RemoveStaleTemporaryFiles();
        var optimizers = _algorithm.TrainedNetworks.Select(n => GroupedOptimizer.Create(n.Model, _settings)).ToList();
        try
        {
            return Fit(optimizers, cancellation);
        }
        finally
        {
            foreach (var o in optimizers) o.Dispose();
        }
    }

    private TrainingOutcome Fit(List<GroupedOptimizer> optimizers, CancellationToken cancellation)
    {
        int startEpoch = 0;
        double bestLoss = double.PositiveInfinity, bestIou = double.NegativeInfinity;
        int bestIouEpoch = -1;
        if (_settings.ResumePath is string resume)
        {
            var meta = CheckpointStore.ReadMetadata(resume);
            meta.RequireAlgorithm(_algorithm.Name, resume);
            meta.RequirePreprocessing(_data.Preprocessing, resume);
            CheckpointStore.LoadNetworks(resume, Checkpointed());
            CheckpointStore.LoadTrainingState(resume, optimizers);
            (startEpoch, bestLoss, bestIou) = (meta.Epoch + 1, meta.BestLoss, meta.BestMeanIou);
            RestoreBestCheckpoints(resume, meta);
            RunLog.TruncateFrom(_run.LogFile, startEpoch);
            bestIouEpoch = RunLog.Read(_run.LogFile).Where(l => l["MeanIoU"]?.GetValue<double>() == bestIou)
                .Select(l => l["epoch"]!.GetValue<int>()).DefaultIfEmpty(-1).First();
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
            _settings.BatchSize, _settings.Seed, 0, _settings.DropLast).Steps;
        var accumulation = new GradientAccumulation(_settings.AccumIter);
        if (accumulation.OptimizerSteps(stepsPerEpoch) == 0)
            throw new ArgumentException($"train.accum_iter is {accumulation.Iterations} but an epoch has only {stepsPerEpoch} iteration(s): " +
                "no optimizer step would ever be taken (lower accum_iter or dataloader.batch_size)");
        _observer.OnRunStarted(startEpoch, _settings.Epochs, stepsPerEpoch);
        if (accumulation.Iterations > 1)
            _observer.OnMessage($"train.accum_iter {accumulation.Iterations}: one optimizer step per {accumulation.Iterations} iterations, " +
                $"{accumulation.OptimizerSteps(stepsPerEpoch)} per epoch (effective batch {_settings.BatchSize * accumulation.Iterations})");

        var earlyStop = new EarlyStopping(_settings.EarlyStopPatience);
        bool stoppedEarly = startEpoch > 0 && earlyStop.IsDue(startEpoch - 1, bestIouEpoch);
        if (stoppedEarly) _observer.OnMessage(earlyStop.Describe(startEpoch - 1, bestIouEpoch));
        var board = new TensorBoardLog(_run.Path, startEpoch);
        for (int epoch = startEpoch; epoch < _settings.Epochs && !stoppedEarly; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var plan = EpochPlan.Create(_data.Labeled.Count, usesUnlabeled ? unlabeledCount : null, oversampleTo,
                _settings.BatchSize, _settings.Seed, epoch, _settings.DropLast);
            foreach (var network in _algorithm.TrainedNetworks) network.Model.train();
            var meters = new MeterSet();
            foreach (var batches in producer.Epoch(plan, _settings.Seed, epoch, cancellation: cancellation))
            {
                var context = new StepContext(epoch, batches.Step, plan.Steps, (long)epoch * plan.Steps + batches.Step);
                double lr = schedule.At(epoch, accumulation.WindowStart(batches.Step), plan.Steps);
                TrainStep(batches, context, lr, optimizers, meters, board, accumulation);
            }

            _observer.OnValidation(epoch);
            var valid = EvaluationPass.Run(_algorithm.EvaluationModel, _data.Valid, _settings.BatchSize, cancellation: cancellation);
            var metrics = new EpochMetrics(epoch, meters.Averages(), valid.MeanLoss, valid.MeanIou, valid.Pooled.Mean, clock.Elapsed);
            history.Add(metrics);
            RunLog.Append(_run.LogFile, metrics);
            board.EpochScalar(TensorBoardLog.ValidLossTag, valid.MeanLoss, epoch);
            board.EpochScalar(TensorBoardLog.MeanIouTag, valid.MeanIou, epoch);

            var improved = new List<string>();
            if (valid.MeanLoss < bestLoss) { bestLoss = valid.MeanLoss; improved.Add(RunDirectory.BestLoss); }
            if (valid.MeanIou > bestIou) { bestIou = valid.MeanIou; bestIouEpoch = epoch; improved.Add(RunDirectory.BestMeanIou); }
            stoppedEarly = earlyStop.IsDue(epoch, bestIouEpoch);
            var meta = new CheckpointMetadata(CheckpointMetadata.CurrentFormat, _algorithm.Name, epoch,
                new Dictionary<string, double> { ["loss"] = valid.MeanLoss, ["MeanIoU"] = valid.MeanIou, ["mIoU_pooled"] = valid.Pooled.Mean },
                bestLoss, bestIou, _algorithm.CheckpointedNetworks.Select(n => n.Key).ToList(), optimizers.Count,
                _settings.Stage, DateTimeOffset.UtcNow, StoppedEarly: stoppedEarly, Preprocessing: _data.Preprocessing);
            // last.ckpt is the commit record a resume trusts, so it is written after every other file: a kill in
            // between leaves the previous last.ckpt, and the resumed run redoes this epoch exactly and writes them again.
            // Best checkpoints hold the weights only unless asked (a run resumes from last.ckpt).
            var full = new List<string>();
            if (_settings.FullBestCheckpoints) full.AddRange(improved);
            else SaveCopies(improved, meta, [], weightsOnly: true);
            if (_settings.ExtraCheckpointEpochs.Contains(epoch + 1)) full.Add($"checkpoint-{epoch + 1}");
            full.Add(RunDirectory.Last);
            SaveCopies(full, meta, optimizers, weightsOnly: false);
            _observer.OnEpochCompleted(metrics, improved);
            if (stoppedEarly) _observer.OnMessage(earlyStop.Describe(epoch, bestIouEpoch));
        }
        return new TrainingOutcome(history.Count, bestLoss, bestIou, bestIouEpoch, history, stoppedEarly);
    }

    private void TrainStep(StepBatches batches, StepContext context, double lr, List<GroupedOptimizer> optimizers,
        MeterSet meters, TensorBoardLog board, GradientAccumulation accumulation)
    {
        IReadOnlyList<(string Name, double Value)> logs;
        try
        {
            logs = StepExecutor.Run(_algorithm, optimizers, batches, context, lr, _settings.MaxNorm, accumulation);
        }
        catch (TrainingDivergedException e)
        {
            throw new TrainingDivergedException($"{e.Message}; training stopped, the last completed epoch is kept in " +
                $"{_run.Checkpoint(RunDirectory.Last)} (try a lower lr or check the data)");
        }
        int x = TensorBoardLog.IterationX(context.Epoch, context.Step, context.StepsPerEpoch);
        foreach (var (name, value) in logs)
        {
            meters.Add(name, value);
            board.Scalar(name, value, x);
        }
        meters.Add("lr", lr);
        board.Scalar("lr", lr, x);
        _observer.OnStep(context.Epoch, context.Step, context.StepsPerEpoch, logs.Count > 0 ? logs[0].Value : double.NaN, lr);
    }

    /// <summary>
    /// Re-creates a best checkpoint that the resume checkpoint says is its own epoch but that is missing or older on
    /// disk (a run killed between writing last.ckpt and copying it, as versions before the commit order could be).
    /// </summary>
    private void RestoreBestCheckpoints(string resume, CheckpointMetadata meta)
    {
        foreach (var (name, metric, best) in new[] { (RunDirectory.BestLoss, "loss", meta.BestLoss), (RunDirectory.BestMeanIou, "MeanIoU", meta.BestMeanIou) })
        {
            if (!meta.Metrics.TryGetValue(metric, out double value) || value != best) continue;
            string path = _run.Checkpoint(name);
            if (File.Exists(path) && CheckpointStore.ReadMetadata(path).Epoch == meta.Epoch) continue;
            if (_settings.FullBestCheckpoints) CopyCheckpoint(resume, path);
            else CheckpointStore.Save(path, meta, _configYaml, Checkpointed(), [], weightsOnly: true);
            _observer.OnMessage($"re-created {path} from {resume} (epoch {meta.Epoch + 1} is its best {metric})");
        }
    }

    /// <summary>Serializes once to the first name and copies the file to the others, in order.</summary>
    private void SaveCopies(IReadOnlyList<string> names, CheckpointMetadata meta, IReadOnlyList<GroupedOptimizer> optimizers, bool weightsOnly)
    {
        if (names.Count == 0) return;
        string first = _run.Checkpoint(names[0]);
        CheckpointStore.Save(first, meta, _configYaml, Checkpointed(), optimizers, weightsOnly);
        foreach (string name in names.Skip(1)) CopyCheckpoint(first, _run.Checkpoint(name));
    }

    private static void CopyCheckpoint(string source, string destination)
    {
        if (Path.GetFullPath(source) == Path.GetFullPath(destination)) return;
        AtomicFile.Write(destination, stream => { using var input = File.OpenRead(source); input.CopyTo(stream); }, durable: true);
    }

    private List<(string Key, nn.Module Module)> Checkpointed() =>
        _algorithm.CheckpointedNetworks.Select(n => (n.Key, (nn.Module)n.Model)).ToList();
}
