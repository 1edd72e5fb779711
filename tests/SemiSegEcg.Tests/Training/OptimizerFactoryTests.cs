using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Training;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class OptimizerFactoryTests
{
    [Fact]
    public void Should_Apply_The_Scheduled_Learning_Rate_To_The_Actual_Update()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions()));
        var built = OptimizerFactory.Create(model, new TrainerSettings { Lr = 1.0, WeightDecay = 0.0 });
        var weight = model.parameters().First();
        var before = weight.detach().clone();

        built.SetLearningRate(0.01);
        built.Optimizer.zero_grad();
        model.call(randn(2, 1, 2500)).Logits.sum().backward();
        built.Optimizer.step();

        // AdamW's first step moves every weight with a non-negligible gradient by ≈ lr.
        var moved = (weight.detach() - before).abs();
        Assert.Equal(0.01, moved.max().item<float>(), 3);
        Assert.All(built.Optimizer.ParamGroups, g => Assert.Equal(0.01, g.LearningRate, 12));
    }

    [Fact]
    public void Should_Decay_Every_Parameter_By_Lr_Times_Weight_Decay_Like_The_Original()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var model = ModelFactory.Create(new ModelSpec("resnet18", new ResNetOptions(), "FCNHead", new FcnHeadOptions()));
        var built = OptimizerFactory.Create(model, new TrainerSettings { Lr = 0.1, WeightDecay = 0.05 });
        var bias = model.named_parameters().Single(p => p.name == "decode_head.cls_seg.bias").parameter;
        using (no_grad()) bias.fill_(1.0);

        built.SetLearningRate(0.1);
        foreach (var p in model.parameters()) p.grad = zeros_like(p);
        built.Optimizer.step();

        Assert.Equal(1.0 * (1 - 0.1 * 0.05), bias[0].item<float>(), 5);
    }
}
