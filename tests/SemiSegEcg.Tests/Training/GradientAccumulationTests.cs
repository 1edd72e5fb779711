using SemiSegEcg.Algorithms;
using SemiSegEcg.Config;
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
public sealed class GradientAccumulationTests
{
    private const int Length = 500;

    [Fact]
    public void Should_Place_Each_Iteration_In_Its_Window_Counted_From_The_Epoch_Start()
    {
        var two = new GradientAccumulation(2);

        Assert.Equal([true, false, true, false, true], Enumerable.Range(0, 5).Select(two.StartsWindow));
        Assert.Equal([false, true, false, true, false], Enumerable.Range(0, 5).Select(two.EndsWindow));
        Assert.Equal([0, 0, 2, 2, 4], Enumerable.Range(0, 5).Select(two.WindowStart));
        Assert.Equal(2, two.OptimizerSteps(5));
        Assert.All(Enumerable.Range(0, 5), s => Assert.True(GradientAccumulation.None.StartsWindow(s) && GradientAccumulation.None.EndsWindow(s)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientAccumulation(0));
    }

    [Fact]
    public void Should_Count_The_Accumulated_Iterations_In_The_Effective_Batch_Of_The_Blr_Rule()
    {
        var config = ConfigLoader.Load(Path.Combine(SharedData.RepoRoot, "configs", "base", "resnet18", "scratch.yaml"), null,
            new CliOverrides { Set = ["train.lr=null", "train.blr=0.004", "train.accum_iter=4", "train.min_lr=0"] }).Config;

        var settings = TrainerSettings.From(config);

        Assert.Equal(0.004 * 16 * 4 / 256, settings.Lr, 15);
        Assert.Equal(4, settings.AccumIter);
    }

    [Fact]
    public void Should_Take_The_Step_Of_One_Full_Batch_From_Two_Accumulated_Half_Batches()
    {
        var full = SyntheticStepBatches.Create(AlgorithmDataNeeds.Supervised, batch: 4, length: Length);
        using var whole = new CountingSupervised(NewModel());
        using var accumulated = new CountingSupervised(NewModel());
        var wholeOptimizer = Sgd(whole.Model);
        var accumulatedOptimizer = Sgd(accumulated.Model);
        var start = Parameters(accumulated.Model);
        var accumulation = new GradientAccumulation(2);

        StepExecutor.Run(whole, [wholeOptimizer], full, new StepContext(0, 0, 1, 0), lr: 0.5);
        StepExecutor.Run(accumulated, [accumulatedOptimizer], Half(full, 0), new StepContext(0, 0, 2, 0), 0.5, accumulation: accumulation);
        var afterFirstHalf = Parameters(accumulated.Model);
        StepExecutor.Run(accumulated, [accumulatedOptimizer], Half(full, 1), new StepContext(0, 1, 2, 1), 0.5, accumulation: accumulation);

        Assert.All(start.Zip(afterFirstHalf), p => Assert.True(p.First.equal(p.Second).all().item<bool>(), "the window's first iteration stepped"));
        Assert.Equal((1, 1), (whole.OptimizerSteps, accumulated.OptimizerSteps));
        var wholeParameters = whole.Model.parameters().ToList();
        var accumulatedParameters = accumulated.Model.parameters().ToList();
        for (int i = 0; i < wholeParameters.Count; i++)
        {
            Assert.True(wholeParameters[i].grad!.allclose(accumulatedParameters[i].grad!, rtol: 1e-4, atol: 1e-7), $"gradient {i} differs");
            Assert.True(wholeParameters[i].allclose(accumulatedParameters[i], rtol: 1e-5, atol: 1e-7), $"parameter {i} differs");
        }
        Assert.False(start[0].equal(accumulatedParameters[0]).all().item<bool>(), "the window's last iteration took no step");
        wholeOptimizer.Dispose();
        accumulatedOptimizer.Dispose();
    }

    /// <summary>
    /// A small ResNet + FCN in eval mode, so BatchNorm uses its running statistics and dropout is off: the loss of a batch
    /// is then exactly the mean of its samples' losses, which is what accumulation reproduces (train-mode BatchNorm
    /// normalises each half batch by its own statistics, an inherent difference of accumulation).
    /// </summary>
    private static EncoderDecoder NewModel()
    {
        random.manual_seed(0);
        var model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions { StemChannels = 8, BaseChannels = 8 },
            "FCNHead", new FcnHeadOptions { InChannels = 64, Channels = 16 }));
        model.eval();
        return model;
    }

    private static GroupedOptimizer Sgd(EncoderDecoder model) =>
        GroupedOptimizer.Create(model, new TrainerSettings { Optimizer = OptimizerKind.Sgd, Momentum = 0, WeightDecay = 0 });

    private static List<Tensor> Parameters(EncoderDecoder model) => model.parameters().Select(p => p.detach().clone()).ToList();

    private static StepBatches Half(StepBatches batches, int half)
    {
        var b = batches.Labeled;
        int rows = b.BatchSize / 2, size = rows * b.LengthSamples;
        var labeled = new HostBatch(rows, b.LengthSamples, b.Weak.AsSpan(half * size, size).ToArray(), b.Masks!.AsSpan(half * size, size).ToArray(),
            [], b.SampleIndices.AsSpan(half * rows, rows).ToArray());
        return new StepBatches(half, labeled, null);
    }

    private sealed class CountingSupervised(EncoderDecoder model) : ISegmentationAlgorithm
    {
        private readonly Supervised _inner = new(model);

        public EncoderDecoder Model => model;
        public int OptimizerSteps { get; private set; }
        public string Name => _inner.Name;
        public AlgorithmDataNeeds DataNeeds => _inner.DataNeeds;
        public IReadOnlyList<NamedNetwork> TrainedNetworks => _inner.TrainedNetworks;
        public IReadOnlyList<NamedNetwork> CheckpointedNetworks => _inner.CheckpointedNetworks;
        public EncoderDecoder EvaluationModel => model;
        public StepResult TrainStep(StepInput input, StepContext context) => _inner.TrainStep(input, context);
        public void AfterOptimizerStep(StepContext context) => OptimizerSteps++;
        public void Dispose() => _inner.Dispose();
    }
}
