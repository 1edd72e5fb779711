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
