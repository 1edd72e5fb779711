using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Index;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Experiments;
using SemiSegEcg.Inference;
using SemiSegEcg.Optimization;
using SemiSegEcg.Signal;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Pipeline;
using static TorchSharp.torch;

namespace SemiSegEcg.Bench;

/// <summary>
/// The data pipeline: items per second of weak + strong views; FixMatch steps fed by the background producer vs
/// precomputed batches; and one epoch with the cached preprocessing vs a loader that re-reads, re-resamples and
/// re-filters every item every epoch (as the original's Dataset does).
/// </summary>
internal static class PipelineBenchmarks
{
    public static void Run(string configsRoot, string dataRoot, int steps)
    {
        var loaded = ConfigLoader.Load(Path.Combine(configsRoot, "base", "resnet18", "fixmatch.yaml"),
            Path.Combine(configsRoot, "bench", "ludb", "1over16.yaml"), new CliOverrides { DataRoot = dataRoot });
        var paths = loaded.ResolveDatasetPaths();
        random.manual_seed(0);
        using var algorithm = loaded.Config.Algorithm.Create(() => ExperimentModels.Create(loaded.Config));
        var data = ExperimentData.LoadTraining(loaded, paths, algorithm.DataNeeds);
        var values = new Dictionary<string, double>();

        foreach (int workers in new[] { 1, 2 })
        {
            var producer = new BatchProducer(data.Labeled, data.Unlabeled, data.LabeledRecipe, data.UnlabeledRecipe, data.LengthSamples, workers);
            var plan = EpochPlan.Create(data.Labeled.Count, data.Unlabeled!.Count, data.Unlabeled.Count, 16, 0, 0);
            producer.Build(plan, 0, 0, 0);
            double ms = Timing.Ms(() => { for (int s = 0; s < 20; s++) producer.Build(plan, s, 0, 0); });
            values[$"items_per_s_workers{workers}"] = 20 * 32 / (ms / 1000);
        }

        var settings = TrainerSettings.From(loaded.Config);
        var optimizers = algorithm.TrainedNetworks.Select(n => GroupedOptimizer.Create(n.Model, settings)).ToList();
        algorithm.TrainedNetworks[0].Model.train();
        var producer2 = new BatchProducer(data.Labeled, data.Unlabeled, data.LabeledRecipe, data.UnlabeledRecipe, data.LengthSamples, 2);
        var epochPlan = EpochPlan.Create(data.Labeled.Count, data.Unlabeled!.Count, data.Unlabeled.Count, 16, 0, 0);
        var precomputed = Enumerable.Range(0, steps).Select(s => producer2.Build(epochPlan, s, 0, 0)).ToArray();
        void Train(IEnumerable<StepBatches> batches) { int i = 0; foreach (var b in batches.Take(steps)) StepExecutor.Run(algorithm, optimizers, b, new StepContext(1, i++, 100, i), 1e-4); }
        Train(precomputed.Take(2));
        var with = new List<double>();
        var without = new List<double>();
        for (int r = 0; r < 3; r++)
        {
            without.Add(Timing.Ms(() => Train(precomputed)) / steps);
            with.Add(Timing.Ms(() => Train(producer2.Epoch(epochPlan, 0, 0))) / steps);
        }
        values["fixmatch_step_precomputed_ms"] = Timing.Median(without);
        values["fixmatch_step_with_augmentation_ms"] = Timing.Median(with);
        values["augmentation_overhead_ratio"] = values["fixmatch_step_with_augmentation_ms"] / values["fixmatch_step_precomputed_ms"];
        foreach (var o in optimizers) o.Dispose();

        EpochComparison(loaded, paths, values);
        Timing.Report("pipeline", values);
    }

    /// <summary>A supervised epoch on LUDB 1/4 (22 steps) plus validation (479 samples), cached vs re-preprocessed per item.</summary>
    private static void EpochComparison(LoadedConfig fixmatch, DatasetPaths paths, Dictionary<string, double> values)
    {
        var config = fixmatch.Config;
        random.manual_seed(0);
        using var model = ExperimentModels.Create(config);
        var optimizer = GroupedOptimizer.Create(model, TrainerSettings.From(config));
        using var supervised = new Supervised(model);
        var preprocessing = new EcgPreprocessor(ExperimentData.Preprocessing(config));
        var weak = ConfiguredTransforms.Build(config.Dataset.Augmentations, "dataset.augmentations");
        var recipe = new ViewRecipe(weak, null, 0);
        var trainEntries = IndexCsv.Read(Path.Combine(paths.IndexDir, "LUDB_train_labeled_1over4.csv"), requireLabels: true);
        var validEntries = IndexCsv.Read(paths.ValidIndex, requireLabels: true);

        IReadOnlyList<EcgSample>? cachedTrain = null, cachedValid = null;
        double Epoch(bool cached)
        {
            return Timing.Ms(() =>
            {
                IReadOnlyList<EcgSample> Load(IReadOnlyList<IndexEntry> e) => SampleStore.Load(e, paths.EcgDir, paths.LabelDir, true, preprocessing);
                var train = cached ? cachedTrain ??= Load(trainEntries) : null;
                var valid = cached ? cachedValid ??= Load(validEntries) : null;
                var plan = EpochPlan.Create(trainEntries.Count, null, null, 16, 0, 0);
                model.train();
                for (int s = 0; s < plan.Steps; s++)
                {
                    StepBatches batch;
                    if (cached)
                    {
                        batch = new BatchProducer(train!, null, recipe, recipe, 2500).Build(plan, s, 0, 0);
                    }
                    else
                    {
                        // The original's way: every item is read and preprocessed again when it is drawn.
                        var items = plan.LabeledBatch(s).ToArray().Select(i => Load([trainEntries[i]])[0]).ToList();
                        batch = new BatchProducer(items, null, recipe, recipe, 2500).Build(EpochPlan.Create(items.Count, null, null, 16, 0, 0), 0, 0, 0);
                    }
                    StepExecutor.Run(supervised, [optimizer], batch, new StepContext(0, s, plan.Steps, s), 1e-4);
                }
                EvaluationPass.Run(model, valid ?? Load(validEntries), 16);
            });
        }

        Epoch(cached: true);
        var cachedTimes = new List<double>();
        var naiveTimes = new List<double>();
        for (int r = 0; r < 2; r++)
        {
            naiveTimes.Add(Epoch(cached: false));
            cachedTimes.Add(Epoch(cached: true));
        }
        values["epoch_cached_ms"] = Timing.Median(cachedTimes);
        values["epoch_reprocess_every_item_ms"] = Timing.Median(naiveTimes);
        values["epoch_speedup"] = values["epoch_reprocess_every_item_ms"] / values["epoch_cached_ms"];
        optimizer.Dispose();
    }
}
