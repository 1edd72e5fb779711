using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Optimization;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Pipeline;
using static TorchSharp.torch;

namespace SemiSegEcg.Bench;

/// <summary>
/// Median optimizer-step time of every method (batch 16 labeled + 16 unlabeled, real LUDB batches from the shipped
/// configs), interleaved round by round so the ratios come from the same machine state.
/// </summary>
internal static class StepBenchmarks
{
    public static readonly string[] DefaultConfigs =
    [
        "resnet18/scratch", "resnet18/mean_teacher", "resnet18/fixmatch", "resnet18/cps", "resnet18/reco", "resnet18/unimatch",
        "resnet18_unet/scratch", "resnet18_unet/fixmatch", "vit_tiny/scratch", "vit_tiny/fixmatch",
    ];

    public static void Run(string configsRoot, string dataRoot, IReadOnlyList<string> configs, int warmup, int reps)
    {
        var cases = configs.Select(c => Case.Create(configsRoot, dataRoot, c)).ToList();
        var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
        for (int round = 0; round < warmup + reps; round++)
        {
            foreach (var c in round % 2 == 0 ? cases : Enumerable.Reverse(cases))
            {
                double ms = Timing.Ms(() => c.Step(round));
                if (round >= warmup) times[c.Name].Add(ms);
            }
        }
        var values = times.ToDictionary(kv => kv.Key + "_ms", kv => Timing.Median(kv.Value));
        values["threads"] = get_num_threads();
        Timing.Report("steps", values);
        foreach (var c in cases) c.Dispose();
    }

    internal sealed class Case : IDisposable
    {
        private readonly ISegmentationAlgorithm _algorithm;
        private readonly List<GroupedOptimizer> _optimizers;
        private readonly StepBatches[] _batches;

        private Case(string name, ISegmentationAlgorithm algorithm, List<GroupedOptimizer> optimizers, StepBatches[] batches)
        {
            Name = name;
            _algorithm = algorithm;
            _optimizers = optimizers;
            _batches = batches;
        }

        public string Name { get; }

        public static Case Create(string configsRoot, string dataRoot, string config)
        {
            var loaded = ConfigLoader.Load(Path.Combine(configsRoot, "base", config + ".yaml"), Path.Combine(configsRoot, "bench", "ludb", "1over16.yaml"),
                new CliOverrides { DataRoot = dataRoot });
            random.manual_seed(0);
            var algorithm = loaded.Config.Algorithm.Create(() => ExperimentModels.Create(loaded.Config));
            var data = ExperimentData.LoadTraining(loaded, loaded.ResolveDatasetPaths(), algorithm.DataNeeds with { UsesUnlabeled = true });
            var producer = new BatchProducer(data.Labeled, data.Unlabeled, data.LabeledRecipe, data.UnlabeledRecipe, data.LengthSamples);
            var plan = EpochPlan.Create(data.Labeled.Count, data.Unlabeled!.Count, data.Unlabeled.Count, 16, 0, 0);
            var batches = Enumerable.Range(0, 4).Select(s => producer.Build(plan, s, 0, 0)).ToArray();
            if (!algorithm.DataNeeds.UsesUnlabeled) batches = batches.Select(b => b with { Unlabeled = null }).ToArray();
            foreach (var n in algorithm.TrainedNetworks) n.Model.train();
            var settings = TrainerSettings.From(loaded.Config);
            return new Case(config, algorithm, algorithm.TrainedNetworks.Select(n => GroupedOptimizer.Create(n.Model, settings)).ToList(), batches);
        }

        public ISegmentationAlgorithm Algorithm => _algorithm;

        public void Step(int round, StepPhaseClock? phases = null) =>
            StepExecutor.Run(_algorithm, _optimizers, _batches[round % _batches.Length], new StepContext(1, round, 100, round), 1e-4, phases: phases);

        public void Dispose()
        {
            foreach (var o in _optimizers) o.Dispose();
            _algorithm.Dispose();
        }
    }
}
