using System.Globalization;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Config;

/// <summary>
/// Cheap cross-field and range checks on a bound <see cref="ExperimentConfig"/>. Errors point at the value's file and
/// line in the merged <see cref="ConfigNode"/> (or say "default" when the value was not written anywhere).
/// </summary>
public static class ExperimentConfigValidator
{
    /// <summary>The <c>mode</c> that trains from random weights; any other starts the backbone from <c>pretrained_backbone</c>.</summary>
    public const string ScratchMode = "scratch";

    // Background, P, QRS, T: the label files' classes (Data.WaveLabels), restated to keep Config free of Data.
    private const int WaveClassCount = 4;

    public static void Validate(ExperimentConfig config, ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(node);
        var check = new ConfigChecks(node);

        check.AtLeast("seed", config.Seed, 0);
        check.AtLeast("start_epoch", config.StartEpoch, 0);
        check.That("output_dir", config.OutputDir.Length > 0, "must not be empty");
        check.That("mode", !string.IsNullOrWhiteSpace(config.Mode), $"must be '{ScratchMode}' or the name of a mode that starts from pretrained_backbone (e.g. finetune)");
        if (!string.Equals(config.Mode, ScratchMode, StringComparison.Ordinal))
        {
            check.That("pretrained_backbone", !string.IsNullOrEmpty(config.PretrainedBackbone),
                $"is required when mode is '{config.Mode}' (only mode '{ScratchMode}' trains from random weights)");
        }
        else
        {
            // The original loads the backbone only in a mode other than scratch; a path it would ignore is refused.
            check.That("pretrained_backbone", string.IsNullOrEmpty(config.PretrainedBackbone),
                $"is set but mode is '{ScratchMode}', which trains from random weights; set mode to e.g. finetune to start from it, or remove it");
        }
        if (config.UseLatentProjection)
        {
            check.That("projection_in_dim", config.ProjectionInDim is >= 1, "must be a positive integer when use_latent_projection is true");
            check.That("projection_out_dim", config.ProjectionOutDim is >= 1, "must be a positive integer when use_latent_projection is true");
        }
        MethodEntry method = config.Algorithm.Entry;
        if (method.NeedsLatentProjection)
        {
            check.That("use_latent_projection", config.UseLatentProjection, $"must be true for algorithm '{method.Name}' (its loss needs the latent projection)");
        }

        DatasetConfig dataset = config.Dataset;
        check.AtLeast("dataset.signal_length", dataset.SignalLength, 1);
        if (method.DataNeeds.UsesUnlabeled)
        {
            check.That("dataset.train_unlabeled_csv", !string.IsNullOrEmpty(dataset.TrainUnlabeledCsv),
                $"is required for algorithm '{method.Name}' (it trains on unlabeled data)");
        }
        // Before the test block: test.target_metric names one of metric.target_metrics.
        CheckMetric(config.Metric, check);
        if (config.Test is not null)
        {
            check.That("dataset.test_csv", !string.IsNullOrEmpty(dataset.TestCsv), "is required when the config has a 'test' block");
            var checkpointMetrics = MetricCatalog.Checkpointed.Select(m => m.Name).ToArray();
            check.That("test.target_metric", checkpointMetrics.Contains(config.Test.TargetMetric, StringComparer.Ordinal),
                $"must name a checkpointed metric: {string.Join(", ", checkpointMetrics)}");
        }
        if (dataset.Fs is { } fs) check.That("dataset.fs", fs > 0, "must be a positive sampling rate in Hz");

        check.AtLeast("dataloader.batch_size", config.Dataloader.BatchSize, 1);
        check.AtLeast("dataloader.num_workers", config.Dataloader.NumWorkers, 0);

        TrainConfig train = config.Train;
        check.AtLeast("train.epochs", train.Epochs, 1);
        check.That("train.warmup_epochs", train.WarmupEpochs >= 0 && train.WarmupEpochs <= train.Epochs,
            $"must be between 0 and train.epochs ({train.Epochs})");
        check.AtLeast("train.accum_iter", train.AccumIter, 1);
        if (train.EarlyStopPatience is { } patience) check.AtLeast("train.early_stop_patience", patience, 1);
        check.That("train.lr", train.Lr is not null || train.Blr is not null, "train.lr or train.blr must be set");
        if (train.Lr is { } lr) check.Positive("train.lr", lr);
        if (train.Blr is { } blr) check.Positive("train.blr", blr);
        check.That("train.min_lr", train.MinLr >= 0, "must be at least 0");
        if (train.Lr is { } peak) check.That("train.min_lr", train.MinLr <= peak, $"must not exceed train.lr ({Format(peak)})");
        check.That("train.weight_decay", train.WeightDecay >= 0, "must be at least 0");
        if (train.MaxNorm is { } maxNorm) check.Positive("train.max_norm", maxNorm);
        if (train.LayerDecay is { } layerDecay) check.That("train.layer_decay", layerDecay > 0 && layerDecay <= 1, "must be in (0, 1]");
        check.That("train.optimizer_kwargs.betas", train.OptimizerKwargs.Betas.Count == 2 && train.OptimizerKwargs.Betas.All(b => b >= 0 && b < 1),
            "must be two numbers in [0, 1)");
        check.Positive("train.optimizer_kwargs.eps", train.OptimizerKwargs.Eps);
        check.That("train.optimizer_kwargs.momentum", train.OptimizerKwargs.Momentum >= 0, "must be at least 0");
        if (train.AuxiliaryLossWeight is { } auxiliary) check.That("train.auxiliary_loss_weight", auxiliary.All(w => w >= 0), "weights must be at least 0");
        // The method's own train keys are checked by its options record, where they are declared.
        config.Algorithm.Options.Validate(new ConfigChecks(node, "train"));

        check.AtLeast("ddp.world_size", config.Ddp.WorldSize, 1);
    }

    /// <summary>
    /// The <c>metric</c> block configures torchmetrics in the original; our validation metric is that configuration's
    /// MeanIoU, fixed, so each key keeps its shipped value and any other is refused rather than ignored.
    /// </summary>
    private static void CheckMetric(MetricConfig metric, ConfigChecks check)
    {
        check.That("metric.task", metric.Task == "segmentation", "must be 'segmentation', the only supported task");
        check.That("metric.compute_on_cpu", metric.ComputeOnCpu, "must be true, the only supported value (metric state is always kept in host memory)");
        check.That("metric.sync_on_compute", !metric.SyncOnCompute, "must be false, the only supported value (training runs in one process, so there is nothing to synchronise)");
        check.That("metric.num_classes", metric.NumClasses == WaveClassCount, $"must be {WaveClassCount}, the only supported value (background, P, QRS, T)");
        check.That("metric.include_background", metric.IncludeBackground, "must be true, the only supported value (MeanIoU averages all four classes, background included)");
        check.That("metric.per_class", !metric.PerClass, "must be false, the only supported value (the validation metric is one MeanIoU)");
        check.That("metric.input_format", metric.InputFormat == "one-hot", "must be 'one-hot', the only supported value");
        string target = MetricCatalog.ValidationMeanIou.Name;
        check.That("metric.target_metrics", metric.TargetMetrics.SequenceEqual([target]),
            $"must be [{target}], the only supported value ({string.Join(" and ", MetricCatalog.Checkpointed.Select(m => $"best-{m.Name}"))} checkpoints are always kept)");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
