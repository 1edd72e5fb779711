using SemiSegEcg.Tests.Infrastructure;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Optimization;

/// <summary>
/// Our AdamW and SGD replace TorchSharp's only to hold their Scalars: over several steps with two groups, weight decay,
/// a changing learning rate and a parameter without gradient they give bit-identical weights and state, and their state
/// files are interchangeable with TorchSharp's (checkpoints written before them load).
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ScalarSafeOptimizerTests
{
    [Fact]
    public void Should_Equal_TorchSharps_AdamW_Bit_For_Bit_And_Share_Its_State_Format()
    {
        var (ours, theirs) = (Parameters(), Parameters());
        using var adamW = new SemiSegEcg.Optimization.AdamW(Groups(ours), 1e-3, 0.9, 0.999, 1e-8);
        using var reference = new TorchSharp.Modules.AdamW(Groups(theirs), 1e-3, 0.9, 0.999, 1e-8);

        Train(adamW, ours, reference, theirs);

        AssertSameState(adamW, reference);
        Assert.Null(ours[^1].grad);
    }

    [Fact]
    public void Should_Equal_TorchSharps_SGD_With_Momentum_Bit_For_Bit_And_Share_Its_State_Format()
    {
        var (ours, theirs) = (Parameters(), Parameters());
        using var sgd = new SemiSegEcg.Optimization.SGD(ours, 0.01, 0.9, 1e-4);
        using var reference = new TorchSharp.Modules.SGD(theirs, 0.01, 0.9, weight_decay: 1e-4);

        Train(sgd, ours, reference, theirs);

        AssertSameState(sgd, reference);
    }

    private static void Train(OptimizerHelper ours, List<Parameter> oursParameters, OptimizerHelper reference, List<Parameter> referenceParameters)
    {
        var generator = new Generator(7);
        for (int step = 0; step < 4; step++)
        {
            double lr = 1e-3 * (1 + step);
            foreach (var group in ours.ParamGroups) group.LearningRate = lr;
            foreach (var group in reference.ParamGroups) group.LearningRate = lr;
            for (int i = 0; i < oursParameters.Count - 1; i++)
            {
                var gradient = randn(oursParameters[i].shape, generator: generator);
                oursParameters[i].grad = gradient.clone();
                referenceParameters[i].grad = gradient;
            }
            ours.step();
            reference.step();
            for (int i = 0; i < oursParameters.Count; i++)
                Assert.True(oursParameters[i].equal(referenceParameters[i]).all().item<bool>(), $"parameter {i} differs after step {step + 1}");
        }
    }

    private static void AssertSameState(OptimizerHelper ours, OptimizerHelper reference)
    {
        byte[] oursBytes = Save(ours), referenceBytes = Save(reference);
        Assert.Equal(referenceBytes, oursBytes);
        using var reader = new BinaryReader(new MemoryStream(referenceBytes));
        ours.load_state_dict(reader);
        Assert.Equal(referenceBytes, Save(ours));
    }

    private static byte[] Save(OptimizerHelper optimizer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
        return buffer.ToArray();
    }

    private static List<Parameter> Parameters()
    {
        var generator = new Generator(3);
        return [new Parameter(randn([4, 3], generator: generator)), new Parameter(randn([5], generator: generator)), new Parameter(randn([2], generator: generator))];
    }

    private static TorchSharp.Modules.AdamW.ParamGroup[] Groups(List<Parameter> parameters) =>
    [
        new(parameters.Take(1), 1e-3, 0.9, 0.999, 1e-8, weight_decay: 0.05),
        new(parameters.Skip(1), 1e-3, 0.9, 0.999, 1e-8, weight_decay: 0.0),
    ];
}
