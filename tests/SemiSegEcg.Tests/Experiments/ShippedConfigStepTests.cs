using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Pipeline;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// Every shipped base config (4 model folders × 7 methods) builds its networks and method and takes one real
/// optimizer step through the shared step executor, so each runs as shipped with every backbone and head.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ShippedConfigStepTests
{
    public static TheoryData<string, string> Configs()
    {
        var data = new TheoryData<string, string>();
        foreach (string folder in ShippedConfigNames.AllModels)
            foreach (string algorithm in ShippedConfigNames.Algorithms)
                data.Add(folder, algorithm);
        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Should_Take_A_Finite_Optimizer_Step_With_The_Shipped_Config(string folder, string algorithm)
    {
        var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", folder, $"{algorithm}.yaml")).Config;
        random.manual_seed(0);
        // ST++'s stages 2–3 are its own step; stage 1 is the supervised baseline, covered by "scratch".
        using var method = config.Algorithm == AlgorithmKind.Stpp
            ? new StPlusPlus(ExperimentModels.Create(config), ExperimentModels.Create(config))
            : AlgorithmFactory.Create(config.Algorithm, () => ExperimentModels.Create(config), config.Train);
        var optimizers = method.TrainedNetworks.Select(n => OptimizerFactory.Create(n.Model, TrainerSettings.From(config))).ToList();
        foreach (var n in method.TrainedNetworks) n.Model.train();
        var before = method.TrainedNetworks[0].Model.parameters().First().detach().clone();

        var logs = StepExecutor.Run(method, optimizers, Batches(method.DataNeeds), new StepContext(1, 0, 10, 10), lr: 1e-3);

        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.True(double.IsFinite(l.Value), $"{l.Name} = {l.Value}"));
        Assert.False(before.equal(method.TrainedNetworks[0].Model.parameters().First()).all().item<bool>(), "the step changed no weight");
        foreach (var o in optimizers) o.Optimizer.Dispose();
        before.Dispose();
    }

    private static StepBatches Batches(AlgorithmDataNeeds needs)
    {
        const int batch = 2, length = 2500;
        var generator = new Random(1);
        float[] Noise() => Enumerable.Range(0, batch * length).Select(i => (float)Math.Sin(i * 0.05) + 0.1f * (float)generator.NextDouble()).ToArray();
        var masks = Enumerable.Range(0, batch * length).Select(i => (long)(i % length / 200 % 4)).ToArray();
        var labeled = new HostBatch(batch, length, Noise(), masks, [], [0, 1]);
        HostBatch? unlabeled = needs.UsesUnlabeled
            ? new HostBatch(batch, length, Noise(), null, Enumerable.Range(0, needs.UnlabeledStrongViews).Select(_ => Noise()).ToList(), [0, 1])
            : null;
        return new StepBatches(0, labeled, unlabeled);
    }
}
