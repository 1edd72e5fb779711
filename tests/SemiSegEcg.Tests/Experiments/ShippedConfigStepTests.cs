using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Experiments;

/// <summary>
/// Every shipped base config (4 model folders × 7 methods) builds its networks and method and takes one real
/// optimizer step through the shared step executor, so each runs as shipped with every backbone and head — and that
/// step makes no temporary TorchSharp Scalar (counted from the runtime's finalizer events; see LongLivedScalars).
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Speed.Trait, Speed.Slow)]
[Trait(Category.Trait, Category.EndToEnd)]
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
        // ST++'s method is the step of its stages 2–3; stage 1 is the supervised baseline, covered by "scratch".
        using var method = config.Algorithm.Create(() => ExperimentModels.Create(config));
        var optimizers = method.TrainedNetworks.Select(n => GroupedOptimizer.Create(n.Model, TrainerSettings.From(config))).ToList();
        foreach (var n in method.TrainedNetworks) n.Model.train();
        var before = method.TrainedNetworks[0].Model.parameters().First().detach().clone();

        IReadOnlyList<(string Name, double Value)> logs = [];
        using var counter = new FinalizedScalarCounter();
        long temporaryScalars = counter.CountDuring(() =>
            logs = StepExecutor.Run(method, optimizers, SyntheticStepBatches.Create(method.DataNeeds), new StepContext(1, 0, 10, 10), lr: 1e-3));

        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.True(double.IsFinite(l.Value), $"{l.Name} = {l.Value}"));
        Assert.Equal(0, temporaryScalars);
        Assert.False(before.equal(method.TrainedNetworks[0].Model.parameters().First()).all().item<bool>(), "the step changed no weight");
        foreach (var o in optimizers) o.Dispose();
        before.Dispose();
    }
}
