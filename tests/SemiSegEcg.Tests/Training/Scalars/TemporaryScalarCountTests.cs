using SemiSegEcg.Algorithms;
using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Optimization;
using SemiSegEcg.Tests.Algorithms;
using SemiSegEcg.Tests.Infrastructure;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training.Scalars;

/// <summary>
/// The measured half of the proof (every shipped config's step is counted in ShippedConfigStepTests): the counter sees
/// the temporaries TorchSharp's own optimizers make, ours make none, and UniMatch's CutMix step makes none.
/// </summary>
[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class TemporaryScalarCountTests
{
    [Fact]
    public void Should_Count_The_Temporaries_Of_TorchSharps_Own_Optimizers_And_None_Of_Ours()
    {
        using var counter = new FinalizedScalarCounter();
        random.manual_seed(0);
        using var model = AlgorithmTestKit.NewModel();
        var parameters = model.parameters().ToList();
        int tensors = parameters.Count;
        Backward(model);

        using var torchAdamW = optim.AdamW(parameters, 1e-3, 0.9, 0.999, weight_decay: 0.05);
        using var torchSgd = optim.SGD(parameters, 1e-3, 0.9, weight_decay: 0.05);
        using var adamW = new AdamW([new TorchSharp.Modules.AdamW.ParamGroup(parameters, 1e-3, 0.9, 0.999, 1e-8, 0.05)], 1e-3, 0.9, 0.999, 1e-8);
        using var sgd = new SGD(parameters, 1e-3, 0.9, 0.05);

        Assert.True(counter.CountDuring(() => torchAdamW.step()) >= tensors, "TorchSharp's AdamW makes temporaries for every parameter tensor");
        Assert.True(counter.CountDuring(() => torchSgd.step()) >= tensors, "TorchSharp's SGD makes temporaries for every parameter tensor");
        Assert.Equal(0, counter.CountDuring(() => adamW.step()));
        Assert.Equal(0, counter.CountDuring(() => sgd.step()));
        Assert.Equal(0, counter.CountDuring(() => sgd.step()));
    }

    [Fact]
    public void Should_Make_No_Temporary_Scalar_In_A_UniMatch_Step_With_CutMix()
    {
        using var counter = new FinalizedScalarCounter();
        random.manual_seed(0);
        using var method = new UniMatch(AlgorithmTestKit.NewModel(), 0.8, 0.5, cutMix: true);
        var input = AlgorithmTestKit.Input(1, strongViews: 2);

        long temporaries = counter.CountDuring(() =>
        {
            using var scope = NewDisposeScope();
            method.TrainStep(input, AlgorithmTestKit.Context).Losses[0].backward();
        });

        Assert.Equal(0, temporaries);
    }

    private static void Backward(EncoderDecoder model)
    {
        using var scope = NewDisposeScope();
        model.train();
        var input = AlgorithmTestKit.Input(3);
        model.call(input.Labeled).Logits.square().mean().backward();
    }
}
