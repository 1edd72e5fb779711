using SemiSegEcg.Algorithms;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Tests.Infrastructure;
using static SemiSegEcg.Tests.Algorithms.AlgorithmTestKit;
using static TorchSharp.torch;

namespace SemiSegEcg.Tests.Algorithms;

[Collection(TorchCollection.Name)]
[Trait(Category.Trait, Category.Unit)]
public sealed class ReCoTests
{
    [Fact]
    public void Should_Combine_Supervised_Unsupervised_And_Contrastive_Losses_In_A_Full_Step()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        // Every position valid and hard, so an untrained network still yields several classes to contrast.
        using var reco = new ReCo(NewModel(latent: true), NewModel(latent: true), 0.99, 0.0,
            new RegionalContrastOptions(EasyThreshold: 0.0, HardThreshold: 1.0, Queries: 32, Negatives: 64));
        var student = reco.TrainedNetworks[0].Model;
        student.train();

        var result = reco.TrainStep(Input(seed: 4), Context);
        result.Losses[0].backward();

        Assert.Equal(new[] { "loss_total", "loss_x", "loss_u_s", "contr_loss", "mask_ratio" }, result.Logs.Select(l => l.Name));
        double contrast = Scalar(result, "contr_loss");
        Assert.True(contrast > 0 && double.IsFinite(contrast), $"contr_loss {contrast}");
        Assert.Equal((Scalar(result, "loss_x") + Scalar(result, "loss_u_s") + contrast) / 3, Scalar(result, "loss_total"), 5);
        Assert.Equal(1.0, Scalar(result, "mask_ratio"));
        // Only the contrastive term reaches the latent projection.
        Assert.All(student.Projection!.parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));
        Assert.Equal(new[] { "model", "model_ema" }, reco.CheckpointedNetworks.Select(n => n.Key));
        Assert.Same(student, reco.EvaluationModel);
    }

    [Fact]
    public void Should_Mask_The_Soft_Targets_Below_The_Confidence_Threshold_But_Count_Them_In_The_Mean()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var reco = new ReCo(NewModel(latent: true), NewModel(latent: true), 0.99, 1.01, new RegionalContrastOptions(Queries: 8, Negatives: 8));
        reco.TrainedNetworks[0].Model.train();

        var result = reco.TrainStep(Input(seed: 5), Context);

        Assert.Equal(0.0, Scalar(result, "mask_ratio"));
        Assert.Equal(0.0, Scalar(result, "loss_u_s"));
        Assert.Equal((Scalar(result, "loss_x") + Scalar(result, "contr_loss")) / 3, Scalar(result, "loss_total"), 5);
    }

    [Fact]
    public void Should_Reproduce_A_Step_From_The_Same_Torch_Seed()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(0);
        using var reco = new ReCo(NewModel(latent: true), NewModel(latent: true), 0.99, 0.0,
            new RegionalContrastOptions(EasyThreshold: 0.0, HardThreshold: 1.0, Queries: 16, Negatives: 32));
        reco.TrainedNetworks[0].Model.eval();
        var input = Input(seed: 6);

        random.manual_seed(9);
        double first = Scalar(reco.TrainStep(input, Context), "contr_loss");
        random.manual_seed(9);
        double second = Scalar(reco.TrainStep(input, Context), "contr_loss");
        random.manual_seed(10);
        double other = Scalar(reco.TrainStep(input, Context), "contr_loss");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Should_Refuse_Networks_Without_A_Latent_Projection()
    {
        using var scope = NewDisposeScope();
        using var student = NewModel();
        using var teacher = NewModel();

        var error = Assert.Throws<ArgumentException>(() => new ReCo(student, teacher, 0.99, 0.8, new RegionalContrastOptions()));

        Assert.Contains("use_latent_projection", error.Message);
    }
}
