using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
using SemiSegEcg.Experiments;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Pipeline;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class StepExecutorTests
{
    [Fact]
    public void Should_Stop_On_A_Non_Finite_Loss_Before_Touching_Any_Weight()
    {
        random.manual_seed(0);
        using var model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions()));
        using var method = new DivergingMethod(model);
        var optimizer = GroupedOptimizer.Create(model, new TrainerSettings());
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        var batch = new HostBatch(2, 2500, new float[5000], new long[5000], [], [0, 1]);

        var error = Assert.Throws<TrainingDivergedException>(() =>
            StepExecutor.Run(method, [optimizer], new StepBatches(3, batch, null), new StepContext(4, 3, 10, 43), 1e-3));

        Assert.Contains("NaN", error.Message);
        Assert.Contains("epoch 5, step 4", error.Message);
        Assert.All(model.parameters().Zip(before), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
        optimizer.Dispose();
    }

    [Fact]
    public void Should_Time_Every_Phase_Of_A_Mean_Teacher_Step_Without_Changing_It()
    {
        var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "mean_teacher.yaml")).Config;
        var batches = SyntheticStepBatches.Create(MeanTeacher.Entry.DataNeeds);
        var clock = new StepPhaseClock();
        var (timedLogs, timedWeights) = OneStep(config, batches, clock);
        var (plainLogs, plainWeights) = OneStep(config, batches, null);

        Assert.Equal(plainLogs, timedLogs);
        Assert.All(plainWeights.Zip(timedWeights), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
        Assert.Equal(
            [StepPhases.HostToTensors, StepPhases.ForwardAndLosses, StepPhases.LossCheck, StepPhases.Backward, StepPhases.Optimizer,
             StepPhases.AfterStep, StepPhases.ReadLogs, StepPhases.ReleaseTensors],
            clock.Totals.Select(t => t.Phase));
        Assert.All(clock.Totals, t => Assert.True(t.TotalMs >= 0, $"{t.Phase}: {t.TotalMs} ms"));
        // A ResNet-18 forward and backward of 2 + 2 samples of 2,500 take milliseconds, not microseconds.
        Assert.True(clock.Totals.Single(t => t.Phase == StepPhases.Backward).TotalMs > 1);

        clock.Reset();
        Assert.Empty(clock.Totals);
        foreach (var w in plainWeights.Concat(timedWeights)) w.Dispose();
    }

    private static (IReadOnlyList<(string Name, double Value)> Logs, List<Tensor> Weights) OneStep(ExperimentConfig config, StepBatches batches, StepPhaseClock? clock)
    {
        random.manual_seed(0);
        using var method = config.Algorithm.Create(() => ExperimentModels.Create(config));
        using var optimizer = GroupedOptimizer.Create(method.TrainedNetworks[0].Model, TrainerSettings.From(config));
        method.TrainedNetworks[0].Model.train();
        var logs = StepExecutor.Run(method, [optimizer], batches, new StepContext(1, 0, 10, 10), lr: 1e-3, phases: clock);
        return (logs, method.TrainedNetworks[0].Model.parameters().Select(p => p.detach().clone()).ToList());
    }

    [SkippableFact]
    public void Should_Refuse_Cuda_Clearly_In_A_Cpu_Build()
    {
        Skip.If(cuda.is_available(), "this machine has CUDA");
        var error = Assert.Throws<ConfigException>(() => DeviceCheck.Require(DeviceKind.Cuda));
        Assert.Contains("--device cpu", error.Message);
    }

    private sealed class DivergingMethod(EncoderDecoder model) : ISegmentationAlgorithm
    {
        public string Name => "diverging";
        public AlgorithmDataNeeds DataNeeds => AlgorithmDataNeeds.Supervised;
        public IReadOnlyList<NamedNetwork> TrainedNetworks { get; } = [new("model", model)];
        public IReadOnlyList<NamedNetwork> CheckpointedNetworks => TrainedNetworks;
        public EncoderDecoder EvaluationModel => model;

        public StepResult TrainStep(StepInput input, StepContext context)
        {
            var loss = model.call(input.Labeled).Logits.mean() * double.NaN;
            return new StepResult([loss], [new("loss", loss.detach())]);
        }

        public void AfterOptimizerStep(StepContext context) => throw new InvalidOperationException("no step should follow a NaN loss");

        public void Dispose() { }
    }
}
