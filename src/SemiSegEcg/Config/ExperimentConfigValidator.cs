using System.Globalization;
using SemiSegEcg.Algorithms.Catalog;

namespace SemiSegEcg.Config;

/// <summary>
/// Cheap cross-field and range checks on a bound <see cref="ExperimentConfig"/>. Errors point at the value's file and
/// line in the merged <see cref="ConfigNode"/> (or say "default" when the value was not written anywhere).
/// </summary>
public static class ExperimentConfigValidator
{
    public static void Validate(ExperimentConfig config, ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(node);
        var check = new ConfigChecks(node);

        check.AtLeast("seed", config.Seed, 0);
        check.AtLeast("start_epoch", config.StartEpoch, 0);
        check.That("output_dir", config.OutputDir.Length > 0, "must not be empty");
        if (!string.Equals(config.Mode, "scratch", StringComparison.Ordinal))
        {
            check.That("pretrained_backbone", !string.IsNullOrEmpty(config.PretrainedBackbone),
                $"is required when mode is '{config.Mode}' (only mode 'scratch' trains from random weights)");
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
        if (config.Test is not null)
        {
            check.That("dataset.test_csv", !string.IsNullOrEmpty(dataset.TestCsv), "is required when the config has a 'test' block");
            var checkpointMetrics = config.Metric.TargetMetrics.Append("loss").ToArray();
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

        check.AtLeast("metric.num_classes", config.Metric.NumClasses, 2);
        check.That("metric.target_metrics", config.Metric.TargetMetrics.Count > 0, "must name at least one metric");
        check.AtLeast("ddp.world_size", config.Ddp.WorldSize, 1);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
